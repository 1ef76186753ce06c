import type { ClaimSet } from './claim-set.ts';
import type { ClusterState } from './cluster-state.ts';
import type { RateDecision, RateLimiter } from './rate-limit.ts';

/**
 * A rate limiter and a claim set that a cluster's workers share through the primary
 * (cluster-state.ts), each backed by this process's own. The local one is kept up to date on
 * every request, so when the primary does not answer within a few milliseconds (busy, or gone
 * while it restarts a worker) the worker decides alone from what it has seen, as a single
 * process would, instead of waiting or letting everything through.
 *
 * `previousKeyOf` gives the client's key from before midnight (client-key.ts), whose counts and
 * claims carry over.
 */
export class SharedLimiter {
  constructor(
    private readonly scope: string,
    private readonly local: RateLimiter,
    private readonly params: { limit: number; windowMs: number },
    private readonly previousKeyOf: (key: string) => string | null,
    private readonly cluster: ClusterState | null,
  ) {}

  hit(key: string, cost = 1): RateDecision | Promise<RateDecision> {
    const previous = this.previousKeyOf(key);
    const local = this.local.hit(key, cost, previous);
    if (!this.cluster) return local;
    return this.cluster.hit(this.scope, this.params, key, previous, cost).then((shared) => shared ?? local);
  }
}

export class SharedClaims {
  constructor(
    private readonly scope: string,
    readonly local: ClaimSet,
    private readonly ttlMs: number,
    private readonly cluster: ClusterState | null,
  ) {}

  /** True if neither key was claimed within the time to live; `key` is claimed from now. */
  async claim(key: string, previousKey: string | null): Promise<boolean> {
    const local = this.local.claim(key, previousKey);
    if (!this.cluster) return local;
    return (await this.cluster.claim(this.scope, this.ttlMs, key, previousKey)) ?? local;
  }

  release(key: string): void {
    this.local.release(key);
    this.cluster?.release(this.scope, key);
  }
}
