import type { Clock } from '../clock.ts';
import { ClaimSet } from '../http/claim-set.ts';

/** How long a counted report makes the same one a repeat. */
export const REPEAT_WINDOW_MS = 60 * 60 * 1000;

/**
 * Remembers, for an hour, which (client, campaign, target, outcome) reports were counted, so a
 * double tap, a reload or a replayed form counts once. Keys hold the hashed client key, never an
 * address.
 */
export class RecentActions extends ClaimSet {
  constructor(clock: Clock, options: { maxEntries?: number } = {}) {
    super(clock, { ...options, ttlMs: REPEAT_WINDOW_MS });
  }

  static key(parts: { clientKey: string; campaignId: number; target: string; outcome: string }): string {
    return `${parts.clientKey}\u0000${parts.campaignId}\u0000${parts.target}\u0000${parts.outcome}`;
  }
}
