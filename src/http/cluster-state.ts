import type { Clock } from '../clock.ts';
import { ClaimSet } from './claim-set.ts';
import { KeyChain, type KeyChainSnapshot } from './key-chain.ts';
import { type RateDecision, RateLimiter } from './rate-limit.ts';

/**
 * Rate limits and repeat detection across the workers of one server (`--workers N`). Each worker
 * would otherwise count on its own, and a client whose requests the kernel spreads over the
 * workers got N times the limit and was counted once per worker. The state lives in the cluster's
 * primary, in memory only and bounded like the workers' own; workers ask it over the IPC channel
 * Node's cluster module already keeps open, and hand it only hashed client keys.
 *
 * The primary also hands each worker its client-key salts (key-chain.ts), so that one address
 * gets the same key in every worker.
 */

type Request =
  | { op: 'key-chain' }
  | { op: 'hit'; scope: string; limit: number; windowMs: number; key: string; previousKey: string | null; cost: number }
  | { op: 'claim'; scope: string; ttlMs: number; key: string; previousKey: string | null }
  | { op: 'release'; scope: string; key: string };

type Envelope = { voz: 'client-state'; id: number } & Request;
type Reply = { voz: 'client-state'; id: number; result: unknown };

const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' && message !== null && (message as { voz?: unknown }).voz === 'client-state';

/** At most this many limiters and claim sets (the app has a handful): a bound, not a budget. */
const MAX_SCOPES = 32;

/** The cluster primary's side: `cluster` is node:cluster, or a stand-in in tests. */
export interface WorkerMessages {
  on(event: 'message', listener: (worker: { send(message: Reply): unknown }, message: unknown) => void): unknown;
}

export function serveClusterState(workers: WorkerMessages, options: { clock: Clock; keyGraceMs: number }): void {
  const { clock } = options;
  const chain = new KeyChain(clock.now(), options.keyGraceMs);
  const limiters = new Map<string, RateLimiter>();
  const claims = new Map<string, ClaimSet>();
  const scoped = <T>(map: Map<string, T>, scope: string, make: () => T): T | null => {
    let found = map.get(scope);
    if (!found && map.size < MAX_SCOPES) {
      found = make();
      map.set(scope, found);
    }
    return found ?? null;
  };
  const answer = (request: Envelope): unknown => {
    switch (request.op) {
      case 'key-chain':
        return chain.snapshot(clock.now());
      case 'hit': {
        const { limit, windowMs } = request;
        const limiter = scoped(
          limiters,
          `${request.scope}:${limit}:${windowMs}`,
          () => new RateLimiter({ limit, windowMs, clock }),
        );
        return limiter?.hit(request.key, request.cost, request.previousKey) ?? null;
      }
      case 'claim': {
        const set = scoped(
          claims,
          `${request.scope}:${request.ttlMs}`,
          () => new ClaimSet(clock, { ttlMs: request.ttlMs }),
        );
        return set?.claim(request.key, request.previousKey) ?? null;
      }
      case 'release':
        for (const [scope, set] of claims) if (scope.startsWith(`${request.scope}:`)) set.release(request.key);
        return null;
    }
  };
  workers.on('message', (worker, message) => {
    if (!isEnvelope(message)) return;
    const result = answer(message);
    if (message.op !== 'release') worker.send({ voz: 'client-state', id: message.id, result });
  });
}

/** A worker's side of the channel: `process` in a cluster worker, or a stand-in in tests. */
export interface PrimaryChannel {
  connected?: boolean;
  send?(message: Envelope, callback: (err: Error | null) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

export interface ClusterState {
  /** The salts the primary handed out, or null if it did not answer in time. */
  keyChain: KeyChainSnapshot | null;
  /** The primary's decision, or null if it did not answer within a few milliseconds. */
  hit(
    scope: string,
    params: { limit: number; windowMs: number },
    key: string,
    previousKey: string | null,
    cost: number,
  ): Promise<RateDecision | null>;
  claim(scope: string, ttlMs: number, key: string, previousKey: string | null): Promise<boolean | null>;
  release(scope: string, key: string): void;
}

export interface ConnectOptions {
  /** How long a decision may take before the worker decides alone (default 10 ms). */
  timeoutMs?: number;
  /** How long to wait for the salts at start (default 2 s). */
  startTimeoutMs?: number;
}

export async function connectClusterState(
  primary: PrimaryChannel,
  options: ConnectOptions = {},
): Promise<ClusterState> {
  const timeoutMs = options.timeoutMs ?? 10;
  const waiting = new Map<number, (result: unknown) => void>();
  let nextId = 0;
  primary.on('message', (message) => {
    if (!isEnvelope(message)) return;
    const reply = message as unknown as Reply;
    const resolve = waiting.get(reply.id);
    waiting.delete(reply.id);
    resolve?.(reply.result);
  });
  const ask = (request: Request, waitMs: number): Promise<unknown> => {
    if (primary.connected === false || !primary.send) return Promise.resolve(null);
    const id = ++nextId;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      // On timeout, first let the event loop take in replies that already arrived: under load a
      // timer can fire before a reply sitting in the pipe has been read.
      setTimeout(() => {
        setImmediate(() => {
          if (waiting.delete(id)) resolve(null);
        });
      }, waitMs);
      // A send that fails (the channel closed) reports it here; unhandled, Node would throw it.
      primary.send?.({ voz: 'client-state', id, ...request }, (err) => {
        if (err && waiting.delete(id)) resolve(null);
      });
    });
  };
  const chain = (await ask({ op: 'key-chain' }, options.startTimeoutMs ?? 2000)) as Partial<KeyChainSnapshot> | null;
  const keyChain =
    typeof chain?.day === 'string' && typeof chain.salt === 'string' ? (chain as KeyChainSnapshot) : null;
  return {
    keyChain,
    hit: async (scope, { limit, windowMs }, key, previousKey, cost) =>
      (await ask({ op: 'hit', scope, limit, windowMs, key, previousKey, cost }, timeoutMs)) as RateDecision | null,
    claim: async (scope, ttlMs, key, previousKey) =>
      (await ask({ op: 'claim', scope, ttlMs, key, previousKey }, timeoutMs)) as boolean | null,
    release: (scope, key) => {
      if (primary.connected === false || !primary.send) return;
      primary.send({ voz: 'client-state', id: 0, op: 'release', scope, key }, () => {
        // A release that cannot reach the primary has nothing left to release: its state went with it.
      });
    },
  };
}
