import type { Campaign } from '../campaigns/campaign.ts';
import { onCampaignChange } from '../campaigns/campaign-changes.ts';
import { findCampaignBySlug } from '../campaigns/campaign-repository.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../log.ts';

interface Entry {
  campaign: Campaign | null;
  expires: number;
}

/**
 * Campaigns by slug, remembered for a couple of seconds. Recording an action is the hot path of
 * a viral campaign; reading the campaign row for each one would queue every request behind the
 * write transaction on SQLite's single connection. A change made in this process (campaign-changes.ts)
 * drops its slugs at once; another process sharing the database (`--workers N`) sees a campaign
 * published or closed within `ttlMs`, which is the bound there. Unknown slugs are remembered too (as null), in a
 * bounded map, so random slugs cannot fill memory or the database's queue.
 *
 * While the database is unavailable, a campaign read before is served as last known, so its page
 * keeps working; reads are then retried at most every `retryMs` instead of making each request
 * wait out a connection timeout. Concurrent reads of one slug share one query.
 */
export class CampaignCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<Campaign | null>>();
  private unavailableUntil = 0;
  /** Counts changes heard, so a read begun before one does not store the row it replaced. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger?: Logger,
    private readonly ttlMs = 2000,
    private readonly maxEntries = 1000,
    private readonly retryMs = 5000,
  ) {
    onCampaignChange(db, ({ slugs }) => {
      this.generation++;
      for (const slug of slugs) {
        this.entries.delete(slug);
        // A read begun before the change may bring back the old row: the next find reads again.
        this.reading.delete(slug);
      }
    });
  }

  async find(slug: string): Promise<Campaign | null> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(slug);
    if (hit && hit.expires > now) return hit.campaign;
    if (hit && now < this.unavailableUntil) return hit.campaign;
    let read = this.reading.get(slug);
    if (!read) {
      read = this.read(slug, now);
      this.reading.set(slug, read);
    }
    try {
      return await read;
    } catch (err) {
      if (!hit || !isDatabaseUnavailable(err)) throw err;
      return hit.campaign;
    }
  }

  private async read(slug: string, now: number): Promise<Campaign | null> {
    const generation = this.generation;
    try {
      const campaign = await findCampaignBySlug(this.db, slug);
      this.unavailableUntil = 0;
      if (generation === this.generation) {
        if (this.entries.size >= this.maxEntries && !this.entries.has(slug)) this.entries.clear();
        this.entries.set(slug, { campaign, expires: now + this.ttlMs });
      }
      return campaign;
    } catch (err) {
      if (isDatabaseUnavailable(err) && this.entries.has(slug)) {
        if (this.unavailableUntil <= now) {
          this.logger?.warn('serving last known campaigns: database unavailable', { error: (err as Error).message });
        }
        this.unavailableUntil = now + this.retryMs;
      }
      throw err;
    } finally {
      this.reading.delete(slug);
    }
  }
}
