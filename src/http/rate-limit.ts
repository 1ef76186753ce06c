import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.ts';
import { HttpError } from './errors.ts';

/**
 * A sliding-window rate limiter (the two-window approximation): the count of the current fixed
 * window plus the previous window's count weighted by how much of it still overlaps the sliding
 * window. Unlike a plain fixed window it does not allow a double burst across a window boundary,
 * and it needs two numbers per key instead of a timestamp per request.
 *
 * In memory and bounded: at most `maxKeys` clients are tracked; when full, expired entries are
 * swept and then the oldest are dropped (a dropped client starts afresh, which errs towards
 * letting a supporter through). Keys are expected to be hashed client keys, never raw IPs.
 *
 * A client's key changes at UTC midnight (client-key.ts); given the key it had before, `hit`
 * moves that key's counts to the new one, so the window carries on across midnight.
 */
export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  clock: Clock;
  maxKeys?: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Requests left in the sliding window after this one (0 when refused). */
  remaining: number;
  /** When refused: whole seconds until a request would be allowed again (at least 1). */
  retryAfterS: number;
}

/** What the middleware needs: this class, or one shared between processes. */
export interface Limiter {
  hit(key: string, cost?: number): RateDecision | Promise<RateDecision>;
}

interface Entry {
  window: number;
  current: number;
  previous: number;
}

export class RateLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimitOptions) {
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Counts one request (of weight `cost`) for `key` if it is allowed. `previousKey` is the same
   * client's key before midnight, whose counts are taken over.
   */
  hit(key: string, cost = 1, previousKey: string | null = null): RateDecision {
    const { limit, windowMs } = this.options;
    const now = this.options.clock.now().getTime();
    const window = Math.floor(now / windowMs);
    const elapsed = now - window * windowMs;
    if (previousKey !== null && previousKey !== key) this.takeOver(previousKey, key, window);
    const entry = this.current(key, window);
    const weight = (windowMs - elapsed) / windowMs;
    const estimate = entry.previous * weight + entry.current;
    if (estimate + cost <= limit) {
      entry.current += cost;
      return { allowed: true, remaining: Math.max(0, Math.floor(limit - estimate - cost)), retryAfterS: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterS: this.retryAfter(entry, elapsed, cost) };
  }

  /** Forgets a key, e.g. after a successful login. */
  reset(key: string): void {
    this.entries.delete(key);
  }

  private retryAfter(entry: Entry, elapsed: number, cost: number): number {
    const { limit, windowMs } = this.options;
    let waitMs: number;
    if (entry.current + cost <= limit && entry.previous > 0) {
      // Within this window, once enough of the previous window has slid out of view.
      waitMs = windowMs - elapsed - ((limit - entry.current - cost) * windowMs) / entry.previous;
    } else {
      // Next window: this window's count becomes the weighted "previous".
      const into = entry.current > 0 ? windowMs - ((limit - cost) * windowMs) / entry.current : 0;
      waitMs = windowMs - elapsed + Math.max(0, into);
    }
    return Math.max(1, Math.ceil(waitMs / 1000));
  }

  private takeOver(from: string, into: string, window: number): void {
    const old = this.entries.get(from);
    if (!old) return;
    this.entries.delete(from);
    const entry = this.current(into, window);
    if (old.window === window) {
      entry.current += old.current;
      entry.previous += old.previous;
    } else if (old.window === window - 1) {
      entry.previous += old.current;
    }
  }

  private current(key: string, window: number): Entry {
    let entry = this.entries.get(key);
    if (entry && entry.window !== window) {
      entry.previous = entry.window === window - 1 ? entry.current : 0;
      entry.current = 0;
      entry.window = window;
    }
    if (!entry) {
      if (this.entries.size >= this.maxKeys) this.evict(window);
      entry = { window, current: 0, previous: 0 };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private evict(window: number): void {
    for (const [key, e] of this.entries) {
      if (e.window < window - 1) this.entries.delete(key);
    }
    // Still full: drop the oldest-inserted tenth in one go, so a flood of new keys does not sweep per request.
    if (this.entries.size >= this.maxKeys) {
      let drop = Math.max(1, Math.floor(this.maxKeys / 10));
      for (const key of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(key);
      }
    }
  }
}

const DEFAULT_MESSAGE = 'Too many requests from this connection. Please wait a little and try again.';

/**
 * Counts a request of the client holding `key`, and refuses it with 429 and Retry-After
 * (RFC 9110 §10.2.3, RFC 6585 §4) once the client is over the limit.
 */
export async function enforceLimit(limiter: Limiter, key: string, message = DEFAULT_MESSAGE): Promise<void> {
  const decision = await limiter.hit(key);
  if (!decision.allowed) {
    throw new HttpError(429, 'rate_limited', message, { 'Retry-After': String(decision.retryAfterS) });
  }
}

/** Hono middleware: `enforceLimit` for the client identified by `key(c)`. */
export function rateLimit(options: {
  limiter: Limiter;
  key: (c: Parameters<MiddlewareHandler>[0]) => string;
  message?: string;
}): MiddlewareHandler {
  return async (c, next) => {
    await enforceLimit(options.limiter, options.key(c), options.message);
    await next();
  };
}
