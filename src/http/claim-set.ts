import type { Clock } from '../clock.ts';

/**
 * Keys claimed for a while (an hour by default): `claim` says whether a key is new, and remembers
 * it. In memory only and bounded: entries are kept in arrival order, so the oldest (first to
 * expire) are the first dropped when full. Repeat detection (actions/recent-actions.ts) keeps its
 * reports here, in each process or, under `--workers N`, in the cluster's primary.
 */
export class ClaimSet {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly clock: Clock,
    options: { ttlMs?: number; maxEntries?: number } = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 200_000;
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * True if `key` was not claimed within its time to live; it is then remembered from now. A key
   * claimed as `previousKey` (made with the client's key from before midnight) counts as claimed
   * too, and is then remembered under `key` for the rest of its time.
   */
  claim(key: string, previousKey: string | null = null): boolean {
    const now = this.clock.now().getTime();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    const before = previousKey === null ? undefined : this.seen.get(previousKey);
    if (before !== undefined && before > now) {
      this.seen.set(key, before);
      return false;
    }
    this.seen.delete(key); // re-insert at the end, keeping arrival order
    this.prune(now);
    this.seen.set(key, now + this.ttlMs);
    return true;
  }

  /** Forgets a claim whose write failed, so the supporter's retry is counted. */
  release(key: string): void {
    this.seen.delete(key);
  }

  private prune(now: number): void {
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size < this.maxEntries) break;
      this.seen.delete(key);
    }
  }
}
