import { readCampaignCountsIn } from '../actions/counts.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { readInSnapshot } from '../db/snapshot.ts';
import { countAttemptsByKey, type DashboardData, summarizeTargets, targetLabel } from './dashboard.tsx';
import { countByKeyOutcome, countByTargetChannelOutcome } from './dashboard-repository.ts';
import type { AdminDeps } from './env.ts';

/**
 * Every count on the dashboard comes from one snapshot: read apart while actions arrive, the
 * totals, the targets table, the daily chart and the map each counted a different set of rows,
 * and an organizer saw them disagree.
 */
export async function readDashboard(
  deps: Pick<AdminDeps, 'dbHandle' | 'clock' | 'directory'>,
  campaign: Campaign,
): Promise<DashboardData> {
  const { counts, rows, days, states } = await readInSnapshot(deps.dbHandle, async (snapshot) => ({
    counts: await readCampaignCountsIn(snapshot, campaign, deps.clock),
    rows: await countByTargetChannelOutcome(snapshot, campaign.id),
    days: await countByKeyOutcome(snapshot, campaign.id, 'day'),
    states: await countByKeyOutcome(snapshot, campaign.id, 'state'),
  }));
  return {
    campaign,
    counts,
    targets: summarizeTargets(rows, (id) => targetLabel(id, campaign, deps.directory)),
    attemptsByDay: countAttemptsByKey(days).map(({ key, count }) => ({ day: key, count })),
    attemptsByState: countAttemptsByKey(states).map(({ key, count }) => ({ state: key, count })),
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}
