import type { Campaign } from '../campaigns/campaign.ts';
import type { Clock } from '../clock.ts';
import type { DbHandle } from '../db/database.ts';
import { readInSnapshot, type Snapshot } from '../db/snapshot.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { CHANNELS, type Channel, LANGUAGES, type Language, OUTCOMES, type Outcome } from '../domain.ts';
import { type CountDimension, type CountRow, countActionsBy } from './action-repository.ts';

/** A campaign's totals, by each dimension. Counts come from the database, so every process agrees. */
export interface CampaignCounts {
  campaign: string;
  total: number;
  /** When these totals were read. */
  asOf: string;
  byOutcome: Record<Outcome, number>;
  byChannel: Record<Channel, number>;
  byLanguage: Record<Language, number>;
  byTarget: Array<{ target: string; count: number }>;
  byState: Array<{ state: string; count: number }>;
  byDistrict: Array<{ state: string; district: string | null; count: number }>;
  /** UTC days, oldest first. */
  byDay: Array<{ day: string; count: number }>;
}

function tally<K extends string>(keys: readonly K[], rows: CountRow[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) if (r.key !== null && r.key in out) out[r.key as K] = r.count;
  return out;
}

/**
 * Reads every dimension in one snapshot, so they are counts of the same rows: read one by one
 * while actions arrive, the total, the channels and the states each saw a different moment and
 * disagreed.
 */
export function readCampaignCounts(handle: DbHandle, campaign: Campaign, clock: Clock): Promise<CampaignCounts> {
  return readInSnapshot(handle, (snapshot) => readCampaignCountsIn(snapshot, campaign, clock));
}

/** readCampaignCounts within the caller's snapshot, for a page that shows more counts beside these. */
export async function readCampaignCountsIn(
  snapshot: Snapshot,
  campaign: Campaign,
  clock: Clock,
): Promise<CampaignCounts> {
  const by = (d: CountDimension) => countActionsBy(snapshot, campaign.id, d);
  // One statement after another: a transaction is one connection, which runs them in turn anyway.
  const outcome = await by('outcome');
  const channel = await by('channel');
  const language = await by('language');
  const target = await by('target');
  const state = await by('state');
  const district = await by('district');
  const day = await by('day');
  return {
    campaign: campaign.slug,
    total: outcome.reduce((sum, r) => sum + r.count, 0),
    asOf: clock.now().toISOString(),
    byOutcome: tally(OUTCOMES, outcome),
    byChannel: tally(CHANNELS, channel),
    byLanguage: tally(LANGUAGES, language),
    byTarget: target.map((r) => ({ target: r.key ?? '', count: r.count })),
    byState: state.map((r) => ({ state: r.key ?? '', count: r.count })),
    byDistrict: district.map((r) => ({ state: r.state ?? '', district: r.key, count: r.count })),
    byDay: day.map((r) => ({ day: r.key ?? '', count: r.count })),
  };
}

/**
 * How much of the time a campaign's counter may spend counting: a read that took `t` is kept for
 * at least READ_SHARE × t. Counting a large campaign's tallies takes tens of milliseconds, on
 * SQLite on the event loop, where every report waits for it; past a few hundred milliseconds, a
 * counter refreshed every two seconds would hold up one report in ten.
 */
const READ_SHARE = 20;

/**
 * Counts per campaign, recomputed at most every `ttlMs`, or less often when reading them is slow
 * (READ_SHARE). Concurrent requests for a stale entry share one computation, so a burst of
 * visitors costs one set of queries, not one each. While the database is unavailable, the last
 * counts read are served (their `asOf` says when), and a read is retried at most every `retryMs`.
 */
export class CountsCache {
  private readonly entries = new Map<number, { value: Promise<CampaignCounts>; expires: number }>();
  private readonly lastKnown = new Map<number, CampaignCounts>();
  private unavailableUntil = 0;

  constructor(
    private readonly handle: DbHandle,
    private readonly clock: Clock,
    readonly ttlMs = 2000,
    private readonly retryMs = 5000,
  ) {}

  get(campaign: Campaign): Promise<CampaignCounts> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(campaign.id);
    if (hit && hit.expires > now) return hit.value;
    const last = this.lastKnown.get(campaign.id);
    if (last && now < this.unavailableUntil) return Promise.resolve(last);
    const value = readCampaignCounts(this.handle, campaign, this.clock).then(
      (counts) => {
        this.lastKnown.set(campaign.id, counts);
        const entry = this.entries.get(campaign.id);
        const took = this.clock.now().getTime() - now;
        if (entry?.value === value) entry.expires = now + Math.max(this.ttlMs, took * READ_SHARE);
        return counts;
      },
      (err: unknown) => {
        if (!last || !isDatabaseUnavailable(err)) throw err;
        this.unavailableUntil = now + this.retryMs;
        return last;
      },
    );
    this.entries.set(campaign.id, { value, expires: now + this.ttlMs });
    // A failed read is not remembered: the next request tries again.
    value.catch(() => {
      if (this.entries.get(campaign.id)?.value === value) this.entries.delete(campaign.id);
    });
    return value;
  }
}
