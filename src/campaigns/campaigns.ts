import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Campaign } from './campaign.ts';
import { announceCampaignChange } from './campaign-changes.ts';
import { type FieldErrors, validateCampaignInput } from './campaign-input.ts';
import * as repo from './campaign-repository.ts';

/**
 * What the pages and the organizer workspace call. Input is whatever the editor or importer
 * submitted (see campaign-form.ts for the form's shape); it is validated here, never trusted.
 */

export type SaveResult = { ok: true; campaign: Campaign } | { ok: false; errors: FieldErrors };
/** A save may also meet a newer version than the editor opened: nothing is written; `conflict` is what is saved now. */
export type UpdateResult = SaveResult | { ok: false; conflict: Campaign };

const SLUG_TAKEN = (slug: string) => ({ slug: `The slug "${slug}" is already used by another campaign.` });

export async function createCampaign(db: Db, input: unknown, clock: Clock): Promise<SaveResult> {
  const result = await validateCampaignInput(db, input);
  if (!result.ok) return result;
  try {
    const campaign = await repo.insertCampaign(db, result.campaign, clock.now());
    announceCampaignChange(db, { slugs: [campaign.slug] });
    return { ok: true, campaign };
  } catch (err) {
    // Two editors saving the same new slug at once: the second loses the race here.
    if (repo.isUniqueViolation(err)) return { ok: false, errors: SLUG_TAKEN(result.campaign.slug) };
    throw err;
  }
}

/**
 * Null when there is no such campaign; otherwise the saved campaign, the errors per field, or,
 * given the version the editor opened, the newer campaign someone else saved meanwhile.
 */
export async function updateCampaign(
  db: Db,
  id: number,
  input: unknown,
  clock: Clock,
  expectedVersion?: number,
): Promise<UpdateResult | null> {
  const before = await repo.findCampaignById(db, id);
  if (!before) return null;
  if (expectedVersion !== undefined && before.version !== expectedVersion) return { ok: false, conflict: before };
  const result = await validateCampaignInput(db, input, { exceptId: id });
  if (!result.ok) return result;
  try {
    const campaign = await repo.replaceCampaign(db, id, result.campaign, clock.now(), expectedVersion);
    if (!campaign) {
      // Saved by someone else between the read above and this write.
      const current = await repo.findCampaignById(db, id);
      return current ? { ok: false, conflict: current } : null;
    }
    if (campaign.slug !== before.slug) {
      await repo.recordSlugChange(db, id, before.slug, campaign.slug, clock.now());
    }
    announceCampaignChange(db, { slugs: [before.slug, campaign.slug] });
    return { ok: true, campaign };
  } catch (err) {
    if (repo.isUniqueViolation(err)) return { ok: false, errors: SLUG_TAKEN(result.campaign.slug) };
    throw err;
  }
}

async function setStatus(db: Db, id: number, status: Campaign['status'], clock: Clock): Promise<Campaign | null> {
  const campaign = await repo.setCampaignStatus(db, id, status, clock.now());
  if (campaign) announceCampaignChange(db, { slugs: [campaign.slug] });
  return campaign;
}

export const publishCampaign = (db: Db, id: number, clock: Clock): Promise<Campaign | null> =>
  setStatus(db, id, 'live', clock);

export const closeCampaign = (db: Db, id: number, clock: Clock): Promise<Campaign | null> =>
  setStatus(db, id, 'closed', clock);

export const unpublishCampaign = (db: Db, id: number, clock: Clock): Promise<Campaign | null> =>
  setStatus(db, id, 'draft', clock);

export async function deleteCampaign(db: Db, id: number): Promise<boolean> {
  const campaign = await repo.findCampaignById(db, id);
  const deleted = await repo.deleteCampaign(db, id);
  if (campaign && deleted) announceCampaignChange(db, { slugs: [campaign.slug] });
  return deleted;
}

/** Live campaigns, newest first: the home page. */
export const listLiveCampaigns = (db: Db): Promise<Campaign[]> => repo.listCampaigns(db, { status: 'live' });

/** Every campaign, drafts included, newest first: the organizer workspace. */
export const listAllCampaigns = (db: Db): Promise<Campaign[]> => repo.listCampaigns(db);

export const findCampaign = (db: Db, id: number): Promise<Campaign | null> => repo.findCampaignById(db, id);

/**
 * The campaign a public page may show: live or closed (a closed campaign's page stays up and says
 * so, without action buttons). Null for a draft or an unknown slug, so both get the same 404 and
 * a draft's existence is not revealed.
 */
export async function findPublicCampaign(db: Db, slug: string): Promise<Campaign | null> {
  const campaign = await repo.findCampaignBySlug(db, slug);
  return campaign && campaign.status !== 'draft' ? campaign : null;
}

/**
 * The public campaign an old slug now leads to, after a rename; null when the slug never named
 * one, or when it names a campaign again (a live slug always wins over a redirect).
 */
export async function findRenamedCampaign(db: Db, slug: string): Promise<Campaign | null> {
  if (await repo.findCampaignBySlug(db, slug)) return null;
  const campaign = await repo.findCampaignByOldSlug(db, slug);
  return campaign && campaign.status !== 'draft' ? campaign : null;
}

export const isClosed = (campaign: Campaign): boolean => campaign.status === 'closed';
