import { readCampaignCounts } from '../actions/counts.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { type DashboardData, summarizeTargets, targetLabel } from './dashboard.tsx';
import { countByTargetChannelOutcome } from './dashboard-repository.ts';
import type { AdminDeps } from './env.ts';

export async function readDashboard(deps: AdminDeps, campaign: Campaign): Promise<DashboardData> {
  const counts = await readCampaignCounts(deps.dbHandle, campaign, deps.clock);
  const rows = await countByTargetChannelOutcome(deps.db, campaign.id);
  return {
    campaign,
    counts,
    targets: summarizeTargets(rows, (id) => targetLabel(id, campaign, deps.directory)),
    today: deps.clock.now().toISOString().slice(0, 10),
  };
}
