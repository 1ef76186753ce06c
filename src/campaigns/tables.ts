import type { Generated } from 'kysely';

/**
 * Campaign rows. Structured parts (translations, targets, tags, theme) are JSON text on both
 * dialects: they are read and written whole, never queried inside.
 */
export interface CampaignRow {
  id: Generated<number>;
  slug: string;
  status: string;
  /** The campaign's date as published (YYYY-MM-DD). */
  published_on: string;
  default_language: string;
  /** JSON: Record<Language, CampaignContent>. */
  content: string;
  /** JSON: TargetKind[]. */
  targets: string;
  /** JSON: CustomTarget[]. */
  custom_targets: string;
  /** JSON: string[]. */
  tags: string;
  share_image_url: string | null;
  /** JSON: { color, logoUrl }. */
  theme: string;
  embed_enabled: number;
  /** JSON: string[] of origins; '[]' when any site may frame the campaign. */
  embed_origins: Generated<string>;
  goal: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  /** Saves and status changes so far, from 1: the editor's optimistic concurrency check. */
  version: Generated<number>;
}

/** First-run seeds already applied (see the 2026-11-28-03 migration). */
export interface FirstRunSeedRow {
  name: string;
  seeded_at: Generated<string>;
}

/** A slug a campaign was renamed from: its old links redirect to the current one. */
export interface CampaignOldSlugRow {
  slug: string;
  campaign_id: number;
  renamed_at: string;
}

export interface CampaignTables {
  campaigns: CampaignRow;
  campaign_old_slugs: CampaignOldSlugRow;
  first_run_seeds: FirstRunSeedRow;
}
