import type { MiddlewareHandler } from 'hono';
import { clientKeyerFor, type KeyerDeps } from '../http/client-key.ts';
import type { ClusterState } from '../http/cluster-state.ts';
import { type Limiter, RateLimiter, rateLimit } from '../http/rate-limit.ts';
import { SharedLimiter } from '../http/shared-limits.ts';

/**
 * Each street-address lookup may cost a provider call: billed per lookup by Geocodio, limited
 * per second by Nominatim's usage policy, shared with every other user of the Census Geocoder.
 * Each client has one budget for them, 20 lookups in 10 minutes, whether it asks through the
 * pages' address form or through GET /api/v1/officials?address=. Over it, a 429 with
 * Retry-After (RFC 6585 §4).
 */
export const ADDRESS_BUDGET = { limit: 20, windowMs: 10 * 60 * 1000 };

export const ADDRESS_BUDGET_MESSAGE =
  'You have looked up many addresses in a short time. Please wait a little and try again.';

const limiters = new WeakMap<object, Limiter>();

/**
 * One limiter per application instance (the AppDeps buildApp received), shared by the pages and
 * the API, and under `--workers N` by every worker (through the primary, as the actions limit is).
 */
export function addressLimiterFor(deps: KeyerDeps & { cluster?: ClusterState | null }): Limiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    const local = new RateLimiter({ ...ADDRESS_BUDGET, clock: deps.clock });
    const keyer = clientKeyerFor(deps);
    limiter = new SharedLimiter('addresses', local, ADDRESS_BUDGET, keyer.previousKeyOf, deps.cluster ?? null);
    limiters.set(deps, limiter);
  }
  return limiter;
}

/** `address=` in the query string; other lookups are answered from memory and cost nothing. */
const asksForAddress = (url: string): boolean => {
  const at = url.indexOf('?');
  // The substring test keeps the hot path (a ZIP asked a thousand times) free of parsing.
  return at !== -1 && url.includes('address', at) && new URLSearchParams(url.slice(at + 1)).has('address');
};

/** Middleware for GET /api/v1/officials: spends the client's address budget on address queries only. */
export function addressBudget(deps: KeyerDeps & { cluster?: ClusterState | null }): MiddlewareHandler {
  const keyer = clientKeyerFor(deps);
  const limit = rateLimit({
    limiter: addressLimiterFor(deps),
    key: (c) => keyer.keyOf(c),
    message: ADDRESS_BUDGET_MESSAGE,
  });
  return (c, next) => (asksForAddress(c.req.url) ? limit(c, next) : next());
}
