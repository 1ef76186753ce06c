import type { Clock } from '../clock.ts';

/**
 * A circuit breaker for a service Voz does not run. After `failureThreshold` consecutive
 * failures it opens: calls fail at once instead of waiting for a timeout, so an outage costs
 * supporters nothing but the fallback. After `cooldownMs` one probe is let through (half-open);
 * its success closes the breaker, its failure opens it for another cool-down.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 30_000 };

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: BreakerState = 'closed';
  private probing = false;

  constructor(
    private readonly clock: Clock,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Whether a call may go out now. In half-open state only one probe is allowed at a time. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.clock.now().getTime() - this.openedAt < this.options.cooldownMs) return false;
      this.current = 'half_open';
      this.probing = false;
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.probing = false;
    this.current = 'closed';
  }

  /**
   * A call that never reached the provider (held back by Voz's own throttle) neither closes nor
   * opens the breaker; it only frees the half-open probe for the next caller.
   */
  release(): void {
    this.probing = false;
  }

  recordFailure(): void {
    this.probing = false;
    if (this.current === 'half_open') {
      this.open();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.open();
  }

  /** Milliseconds until a probe may go out, for a Retry-After hint; 0 when closed. */
  retryAfterMs(): number {
    if (this.current !== 'open') return 0;
    return Math.max(0, this.options.cooldownMs - (this.clock.now().getTime() - this.openedAt));
  }

  private open(): void {
    this.current = 'open';
    this.openedAt = this.clock.now().getTime();
    this.failures = 0;
  }
}
