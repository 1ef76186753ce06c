import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Clock } from '../clock.ts';
import { clientKeySource, type ProxyTrust, resolveClientAddress, trustedList } from './client-address.ts';

/**
 * A key that tells clients apart for rate limits and repeat detection without keeping their IP
 * address: an HMAC of the address under a random salt that lives only in this process's memory
 * and is replaced at each UTC midnight. Yesterday's keys cannot be recomputed by anyone, and no
 * key is ever written to disk or to the logs.
 */
export interface ClientKeyer {
  /** The client's key for today; IPv6 addresses by their /64, `null` (unknown) to one shared key. */
  keyFor(address: string | null): string;
  /** The key of the client making this request. */
  keyOf(c: Context): string;
}

export interface ClientKeyOptions {
  clock: Clock;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY; see client-address.ts). */
  proxyTrust: ProxyTrust;
}

/** The socket's peer address when served by @hono/node-server; null under `app.request` in tests. */
function socketAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function createClientKeyer(options: ClientKeyOptions): ClientKeyer {
  let day = '';
  let salt: Buffer = Buffer.alloc(0);
  const keyFor = (address: string | null): string => {
    const today = options.clock.now().toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      salt = randomBytes(32);
    }
    return createHmac('sha256', salt).update(clientKeySource(address)).digest('base64url').slice(0, 22);
  };
  const { proxyTrust } = options;
  const trusted = proxyTrust.kind === 'ranges' ? trustedList(proxyTrust.ranges) : null;
  const addressOf = (c: Context) =>
    resolveClientAddress(socketAddress(c), c.req.header('x-forwarded-for'), proxyTrust, trusted);
  return { keyFor, keyOf: (c) => keyFor(addressOf(c)) };
}

const keyers = new WeakMap<object, ClientKeyer>();

/**
 * One keyer per application instance, so the actions API, the pages and the admin logins agree
 * on a client's key: `clientKeyerFor(deps)` with the AppDeps buildApp received.
 */
export function clientKeyerFor(deps: { clock: Clock; config: { proxyTrust: ProxyTrust } }): ClientKeyer {
  let keyer = keyers.get(deps);
  if (!keyer) {
    keyer = createClientKeyer({ clock: deps.clock, proxyTrust: deps.config.proxyTrust });
    keyers.set(deps, keyer);
  }
  return keyer;
}
