import type { Clock } from '../clock.ts';

/**
 * Remembers, for an hour, which (client, campaign, target, outcome) reports were counted, so a
 * double tap, a reload or a replayed form counts once. In memory only and bounded: entries are
 * kept in arrival order, so the oldest (first to expire) are the first dropped when full. Keys
 * hold the hashed client key, never an address.
 */
export class RecentActions {
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

  static key(parts: { clientKey: string; campaignId: number; target: string; outcome: string }): string {
    return `${parts.clientKey}\u0000${parts.campaignId}\u0000${parts.target}\u0000${parts.outcome}`;
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * True if `key` was not seen within the last hour; it is then remembered from now. A report
   * seen under `previousKey` (the client's key before midnight) is a repeat too, and is then
   * remembered under the new key for the rest of its hour.
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
