import { readCampaignCounts } from '../actions/counts.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { countAttemptsByKey, type DashboardData, summarizeTargets, targetLabel } from './dashboard.tsx';
import { countByKeyOutcome, countByTargetChannelOutcome } from './dashboard-repository.ts';
import type { AdminDeps } from './env.ts';

export async function readDashboard(deps: AdminDeps, campaign: Campaign): Promise<DashboardData> {
  const counts = await readCampaignCounts(deps.dbHandle, campaign, deps.clock);
  const rows = await countByTargetChannelOutcome(deps.db, campaign.id);
  const days = await countByKeyOutcome(deps.db, campaign.id, 'day');
  const states = await countByKeyOutcome(deps.db, campaign.id, 'state');
  return {
    campaign,
    counts,
    targets: summarizeTargets(rows, (id) => targetLabel(id, campaign, deps.directory)),
    attemptsByDay: countAttemptsByKey(days).map(({ key, count }) => ({ day: key, count })),
    attemptsByState: countAttemptsByKey(states).map(({ key, count }) => ({ state: key, count })),
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}
