import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { Clock } from '../clock.ts';
import { clientKeySource, type ProxyTrust, resolveClientAddress, trustedList } from './client-address.ts';
import { KeyChain, type KeyChainSnapshot } from './key-chain.ts';
import { headerOf, incomingHeader } from './node-request.ts';
import { socketAddress } from './trusted-proxy.ts';

/**
 * A key that tells clients apart for rate limits and repeat detection without keeping their IP
 * address: an HMAC of the address under a salt that lives only in memory and changes at each UTC
 * midnight (key-chain.ts). For a grace period after midnight the client's key under yesterday's
 * salt is known too (`previousKeyOf`), so limits and repeats carry over the change of day; after
 * that, yesterday's keys cannot be recomputed by anyone. No key is written to disk or to the logs.
 */
export interface ClientKeyer {
  /** The client's key for today; IPv6 addresses by their /64, `null` (unknown) to one shared key. */
  keyFor(address: string | null): string;
  /** The key of the client making this request. */
  keyOf(c: Context): string;
  /** The same, for a request read straight from Node (actions/report-listener.ts). */
  keyOfRequest(req: IncomingMessage): string;
  /**
   * During the grace period after midnight: the key the client holding `key` had yesterday, if
   * this keyer has computed `key` today. Null otherwise.
   */
  previousKeyOf(key: string): string | null;
}

/** The longest window a client key must outlive: the hour of repeat detection. */
export const KEY_GRACE_MS = 60 * 60 * 1000;
/** Clients remembered across midnight during the grace period; past it a client starts afresh. */
const MAX_ALIASES = 200_000;

export interface ClientKeyOptions {
  clock: Clock;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY; see client-address.ts). */
  proxyTrust: ProxyTrust;
  /** How long yesterday's keys stay known after midnight (default: an hour). */
  graceMs?: number;
  /** The salts to continue from: a cluster's workers all start from their primary's. */
  chain?: KeyChainSnapshot;
}

export function createClientKeyer(options: ClientKeyOptions): ClientKeyer {
  const chain = new KeyChain(options.clock.now(), options.graceMs ?? KEY_GRACE_MS, options.chain);
  const aliases = new Map<string, string>();
  // Map#clear allocates a fresh table even when the map is empty, and this runs on every request.
  const forgetAliases = () => {
    if (aliases.size > 0) aliases.clear();
  };
  const hmac = (salt: Buffer, source: string) =>
    createHmac('sha256', salt).update(source).digest('base64url').slice(0, 22);
  const keyFor = (address: string | null): string => {
    const { current, previous } = chain.saltsAt(options.clock.now());
    const source = clientKeySource(address);
    const key = hmac(current, source);
    if (!previous) {
      forgetAliases();
    } else if (!aliases.has(key)) {
      if (aliases.size >= MAX_ALIASES) aliases.delete(aliases.keys().next().value as string);
      aliases.set(key, hmac(previous, source));
    }
    return key;
  };
  const previousKeyOf = (key: string): string | null => {
    if (!chain.saltsAt(options.clock.now()).previous) {
      forgetAliases();
      return null;
    }
    return aliases.get(key) ?? null;
  };
  const { proxyTrust } = options;
  const trusted = proxyTrust.kind === 'ranges' ? trustedList(proxyTrust.ranges) : null;
  const addressOf = (c: Context) =>
    resolveClientAddress(socketAddress(c), headerOf(c, 'x-forwarded-for'), proxyTrust, trusted);
  // The rate limit and repeat detection both ask for a request's key: an HMAC once per request.
  const keysOf = new WeakMap<Context, string>();
  const keyOf = (c: Context) => {
    let key = keysOf.get(c);
    if (key === undefined) {
      key = keyFor(addressOf(c));
      keysOf.set(c, key);
    }
    return key;
  };
  const keyOfRequest = (req: IncomingMessage) => {
    const forwarded = incomingHeader(req, 'x-forwarded-for');
    return keyFor(resolveClientAddress(req.socket.remoteAddress ?? null, forwarded, proxyTrust, trusted));
  };
  return { keyFor, keyOf, keyOfRequest, previousKeyOf };
}

/** Yesterday's keys must outlive the longest window that uses them. */
export const keyGraceMs = (config: { actions: { rateWindowS: number } }): number =>
  Math.max(KEY_GRACE_MS, config.actions.rateWindowS * 1000);

const keyers = new WeakMap<object, ClientKeyer>();

export interface KeyerDeps {
  clock: Clock;
  config: { proxyTrust: ProxyTrust; actions: { rateWindowS: number } };
  /** In a cluster's worker: the salts its primary handed out, so every worker keys alike. */
  cluster?: { keyChain: KeyChainSnapshot | null } | null;
}

/**
 * One keyer per application instance, so the actions API, the pages and the admin logins agree
 * on a client's key: `clientKeyerFor(deps)` with the AppDeps buildApp received. Yesterday's keys
 * stay known for as long as the longest window that uses them: the hour of repeat detection, or a
 * longer ACTIONS_RATE_WINDOW_S.
 */
export function clientKeyerFor(deps: KeyerDeps): ClientKeyer {
  let keyer = keyers.get(deps);
  if (!keyer) {
    keyer = createClientKeyer({
      clock: deps.clock,
      proxyTrust: deps.config.proxyTrust,
      graceMs: keyGraceMs(deps.config),
      ...(deps.cluster?.keyChain ? { chain: deps.cluster.keyChain } : {}),
    });
    keyers.set(deps, keyer);
  }
  return keyer;
}
