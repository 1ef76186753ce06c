import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CampaignStatus, Language, TargetKind } from '../domain.ts';
import type { Campaign, NewCampaign } from './campaign.ts';
import type { CampaignRow } from './tables.ts';

/** SQL only: rows in, domain types out, `null` when missing. */

function toCampaign(row: Selectable<CampaignRow>): Campaign {
  return {
    id: Number(row.id),
    slug: row.slug,
    status: row.status as CampaignStatus,
    date: row.published_on,
    defaultLanguage: row.default_language as Language,
    content: JSON.parse(row.content),
    targets: JSON.parse(row.targets) as TargetKind[],
    customTargets: JSON.parse(row.custom_targets),
    tags: JSON.parse(row.tags),
    shareImageUrl: row.share_image_url,
    theme: JSON.parse(row.theme),
    embedEnabled: row.embed_enabled === 1,
    embedOrigins: JSON.parse(row.embed_origins) as string[],
    goal: row.goal,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

function toRow(campaign: NewCampaign) {
  return {
    slug: campaign.slug,
    status: campaign.status,
    published_on: campaign.date,
    default_language: campaign.defaultLanguage,
    content: JSON.stringify(campaign.content),
    targets: JSON.stringify(campaign.targets),
    custom_targets: JSON.stringify(campaign.customTargets),
    tags: JSON.stringify(campaign.tags),
    share_image_url: campaign.shareImageUrl,
    theme: JSON.stringify(campaign.theme),
    embed_enabled: campaign.embedEnabled ? 1 : 0,
    embed_origins: JSON.stringify(campaign.embedOrigins ?? []),
    goal: campaign.goal,
  };
}

export async function findCampaignBySlug(db: Db, slug: string): Promise<Campaign | null> {
  const row = await db.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toCampaign(row) : null;
}

export async function findCampaignById(db: Db, id: number): Promise<Campaign | null> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCampaign(row) : null;
}

export async function listCampaigns(db: Db, filter: { status?: CampaignStatus } = {}): Promise<Campaign[]> {
  let query = db.selectFrom('campaigns').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('published_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toCampaign);
}

export async function insertCampaign(db: Db, campaign: NewCampaign, now?: Date): Promise<Campaign> {
  const stamps = now ? { created_at: now.toISOString(), updated_at: now.toISOString() } : {};
  const row = await db
    .insertInto('campaigns')
    .values({ ...toRow(campaign), ...stamps })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCampaign(row);
}

/**
 * Replaces every editable field and counts a new version; null when the campaign does not exist
 * or, given `expectedVersion`, when it is no longer at that version (someone saved in between).
 * The check and the write are one statement, so two saves of one version cannot both win.
 */
export async function replaceCampaign(
  db: Db,
  id: number,
  campaign: NewCampaign,
  now: Date,
  expectedVersion?: number,
): Promise<Campaign | null> {
  let query = db
    .updateTable('campaigns')
    .set((eb) => ({ ...toRow(campaign), updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const row = await query.returningAll().executeTakeFirst();
  return row ? toCampaign(row) : null;
}

export async function setCampaignStatus(
  db: Db,
  id: number,
  status: CampaignStatus,
  now: Date,
): Promise<Campaign | null> {
  const row = await db
    .updateTable('campaigns')
    .set((eb) => ({ status, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toCampaign(row) : null;
}

/** True when a campaign was deleted. */
export async function deleteCampaign(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('campaigns').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countCampaigns(db: Db): Promise<number> {
  const row = await db
    .selectFrom('campaigns')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Records that a first-run seed ran. True only for the caller that recorded it, so two processes
 * starting together on one PostgreSQL store do not both seed.
 */
export async function claimFirstRunSeed(db: Db, name: string): Promise<boolean> {
  const result = await db
    .insertInto('first_run_seeds')
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A unique-constraint violation on either dialect (the slug, when two saves race). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Remembers that a campaign left `oldSlug` for `newSlug`: the old one now leads to it (the latest
 * campaign to leave a slug has it), and the new one, if it was an old slug, leads nowhere any more.
 */
export async function recordSlugChange(db: Db, campaignId: number, oldSlug: string, newSlug: string, now: Date) {
  await db.deleteFrom('campaign_old_slugs').where('slug', '=', newSlug).execute();
  await db
    .insertInto('campaign_old_slugs')
    .values({ slug: oldSlug, campaign_id: campaignId, renamed_at: now.toISOString() })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ campaign_id: campaignId, renamed_at: now.toISOString() }))
    .execute();
}

/** The campaign a slug used to name, or null. */
export async function findCampaignByOldSlug(db: Db, slug: string): Promise<Campaign | null> {
  const row = await db
    .selectFrom('campaign_old_slugs')
    .innerJoin('campaigns', 'campaigns.id', 'campaign_old_slugs.campaign_id')
    .selectAll('campaigns')
    .where('campaign_old_slugs.slug', '=', slug)
    .executeTakeFirst();
  return row ? toCampaign(row) : null;
}
