import type { Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import campaigns from './2026-11-28-01-campaigns.ts';
import actions from './2026-11-28-02-actions.ts';
import campaignsSeeds from './2026-11-28-03-campaigns-seeds.ts';
import accounts from './2026-11-28-04-accounts.ts';
import coarseTimes from './2026-11-29-01-coarse-times.ts';
import signupConsents from './2026-11-29-02-signup-consents.ts';
import auditChanges from './2026-12-03-01-audit-changes.ts';
import sessionLastSeen from './2026-12-03-02-session-last-seen.ts';
import campaignEmbedOrigins from './2026-12-03-03-campaign-embed-origins.ts';
import campaignVersions from './2026-12-03-04-campaign-versions.ts';
import campaignOldSlugs from './2026-12-03-05-campaign-old-slugs.ts';
import actionTallies from './2026-12-03-06-action-tallies.ts';

/**
 * Every migration, in order. Names are dated; a landed migration is frozen. Add new ones at the
 * end with a later name.
 */
export const migrations: Record<string, (dialect: Dialect) => Migration> = {
  '2026-11-28-01-campaigns': campaigns,
  '2026-11-28-02-actions': actions,
  '2026-11-28-03-campaigns-seeds': campaignsSeeds,
  '2026-11-28-04-accounts': accounts,
  '2026-11-29-01-coarse-times': coarseTimes,
  '2026-11-29-02-signup-consents': signupConsents,
  '2026-12-03-01-audit-changes': auditChanges,
  '2026-12-03-02-session-last-seen': sessionLastSeen,
  '2026-12-03-03-campaign-embed-origins': campaignEmbedOrigins,
  '2026-12-03-04-campaign-versions': campaignVersions,
  '2026-12-03-05-campaign-old-slugs': campaignOldSlugs,
  '2026-12-03-06-action-tallies': actionTallies,
};
