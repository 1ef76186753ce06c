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
    .selectFrom('action_tallies')
    .select(['target', 'channel', 'outcome', sql<number | string>`sum(count)`.as('count')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['target', 'channel', 'outcome'])
    .orderBy('target')
    .execute();
  return rows.map((r) => ({ target: r.target, channel: r.channel, outcome: r.outcome, count: Number(r.count) }));
}

/** Per UTC day or state, and outcome: the daily chart and the map count attempts, as the totals do. */
export interface KeyOutcomeRow {
  key: string;
  outcome: string;
  count: number;
}

export async function countByKeyOutcome(db: Db, campaignId: number, by: 'day' | 'state'): Promise<KeyOutcomeRow[]> {
  const rows = await db
    .selectFrom('action_tallies')
    .select([sql.ref<string>(by).as('key'), 'outcome', sql<number | string>`sum(count)`.as('count')])
    .where('campaign_id', '=', campaignId)
    .groupBy([by, 'outcome'])
    .execute();
  return rows.map((r) => ({ key: r.key, outcome: r.outcome, count: Number(r.count) }));
}
