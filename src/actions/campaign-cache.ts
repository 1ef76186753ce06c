import type { Campaign } from '../campaigns/campaign.ts';
import { findCampaignBySlug } from '../campaigns/campaign-repository.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';

/**
 * Campaigns by slug, remembered for a couple of seconds. Recording an action is the hot path of
 * a viral campaign; reading the campaign row for each one would queue every request behind the
 * write transaction on SQLite's single connection. A campaign closed in the admin therefore stops
 * taking actions within `ttlMs` in every process. Unknown slugs are remembered too (as null), in a
 * bounded map, so random slugs cannot fill memory or the database's queue.
 */
export class CampaignCache {
  private readonly entries = new Map<string, { campaign: Campaign | null; expires: number }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ttlMs = 2000,
    private readonly maxEntries = 1000,
  ) {}

  async find(slug: string): Promise<Campaign | null> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(slug);
    if (hit && hit.expires > now) return hit.campaign;
    const campaign = await findCampaignBySlug(this.db, slug);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(slug, { campaign, expires: now + this.ttlMs });
    return campaign;
  }
}
