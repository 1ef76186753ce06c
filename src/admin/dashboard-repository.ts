import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Per target, how many actions by channel and outcome: the dashboard's targets table. */
export interface TargetBreakdownRow {
  target: string;
  channel: string;
  outcome: string;
  count: number;
}

export async function countByTargetChannelOutcome(db: Db, campaignId: number): Promise<TargetBreakdownRow[]> {
  const rows = await db
    .selectFrom('actions')
    .select(['target', 'channel', 'outcome', sql<number>`count(*)`.as('count')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['target', 'channel', 'outcome'])
    .orderBy('target')
    .execute();
  return rows.map((r) => ({ target: r.target, channel: r.channel, outcome: r.outcome, count: Number(r.count) }));
}
