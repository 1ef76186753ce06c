import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.ts';
import type { Channel, Language, Outcome, StateCode } from '../domain.ts';
import type { ActionRecord, NewAction } from './action.ts';
import { hourOf } from './coarse-time.ts';
import { type ActionTuple, NO_DISTRICT, tallyActions, toActionTuple } from './tallies.ts';

/** SQL only: rows in, domain types out. */

/**
 * Rows per INSERT statement. SQLite allows 32,766 bound parameters per statement and PostgreSQL
 * 65,535; nine columns times 500 rows stays well inside both.
 */
const ROWS_PER_STATEMENT = 500;

const TALLY_KEY = ['campaign_id', 'day', 'target', 'channel', 'outcome', 'state', 'district', 'language'] as const;

/** An action's row, as the actions table takes it. */
export const actionRowOf = (t: ActionTuple) => ({
  campaign_id: t[0],
  target: t[1],
  channel: t[2],
  outcome: t[3],
  state: t[4],
  district: t[5],
  language: t[6],
  created_at: t[7],
});

/**
 * Inserts a batch and adds it to the tallies, inside the caller's transaction (without one, a
 * failure part-way leaves rows and tallies apart: use insertActionsAtomically). Whatever time the
 * caller gives, only its hour is stored (coarse-time.ts).
 */
export async function insertActions(db: Db, actions: readonly NewAction[]): Promise<void> {
  const tuples = actions.map(toActionTuple);
  for (let i = 0; i < tuples.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('actions')
      .values(tuples.slice(i, i + ROWS_PER_STATEMENT).map(actionRowOf))
      .execute();
  }
  const tallies = tallyActions(tuples);
  for (let i = 0; i < tallies.length; i += ROWS_PER_STATEMENT) {
    const chunk = tallies.slice(i, i + ROWS_PER_STATEMENT).map((t) => ({
      campaign_id: t[0],
      day: t[1],
      target: t[2],
      channel: t[3],
      outcome: t[4],
      state: t[5],
      district: t[6],
      language: t[7],
      count: t[8],
    }));
    await db
      .insertInto('action_tallies')
      .values(chunk)
      .onConflict((oc) => oc.columns(TALLY_KEY).doUpdateSet({ count: sql`action_tallies.count + excluded.count` }))
      .execute();
  }
}

/**
 * Writes the batch and its tallies atomically: everything or nothing. On PostgreSQL that is one
 * statement: the batch arrives as one array per column (eight parameters whatever its size), a
 * data-modifying WITH inserts the rows, and the same statement adds each combination's count to
 * its tally. A single statement is its own transaction, committed before the server answers (with
 * the default synchronous_commit): one round trip instead of BEGIN, two statements and COMMIT, and
 * a statement whose text never changes. The tallies go in key order, so concurrent batches (four
 * per process, and other processes) lock the rows they share in one order and cannot deadlock.
 * SQLite (in memory; a file's batches go through sqlite-action-worker.ts) takes a transaction of
 * ordinary statements.
 */
export async function insertActionsAtomically(
  handle: { db: Db; dialect: Dialect },
  actions: readonly NewAction[],
): Promise<void> {
  if (actions.length === 0) return;
  if (handle.dialect === 'sqlite') {
    await handle.db.transaction().execute((trx) => insertActions(trx, actions));
    return;
  }
  const column = <T>(pick: (a: NewAction) => T) => actions.map(pick);
  await sql`with batch (campaign_id, target, channel, outcome, state, district, language, created_at) as (
      select * from unnest(
        ${column((a) => a.campaignId)}::bigint[], ${column((a) => a.target)}::text[],
        ${column((a) => a.channel)}::text[], ${column((a) => a.outcome)}::text[],
        ${column((a) => a.state)}::text[], ${column((a) => a.district)}::text[],
        ${column((a) => a.language)}::text[], ${column((a) => hourOf(a.createdAt))}::timestamptz[]
      )
    ), stored as (
      insert into actions (campaign_id, target, channel, outcome, state, district, language, created_at)
      select * from batch
    )
    insert into action_tallies (campaign_id, day, target, channel, outcome, state, district, language, count)
    select campaign_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD'), target, channel, outcome, state,
      coalesce(district, ${NO_DISTRICT}), language, count(*)
    from batch group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (campaign_id, day, target, channel, outcome, state, district, language)
    do update set count = action_tallies.count + excluded.count`.execute(handle.db);
}

export type CountDimension = 'target' | 'outcome' | 'channel' | 'state' | 'district' | 'day' | 'language';

export interface CountRow {
  key: string | null;
  /** For `district`, the state it belongs to (districts are numbered within a state). */
  state?: string;
  count: number;
}

/**
 * Largest first, then by state and key with null first. Sorted here rather than in SQL: the
 * dialects order NULLs and collate text differently, and a few hundred groups sort in no time.
 */
function byCountThenKey(a: CountRow, b: CountRow): number {
  const text = (v: string | null | undefined) => (v === null || v === undefined ? '' : `~${v}`);
  return (
    b.count - a.count ||
    (text(a.state) < text(b.state) ? -1 : text(a.state) > text(b.state) ? 1 : 0) ||
    (text(a.key) < text(b.key) ? -1 : text(a.key) > text(b.key) ? 1 : 0)
  );
}

/** Totals of one campaign's actions grouped by one dimension, largest first (days: oldest first). */
export async function countActionsBy(db: Db, campaignId: number, dimension: CountDimension): Promise<CountRow[]> {
  const base = db.selectFrom('action_tallies').where('campaign_id', '=', campaignId);
  const count = sql<number | string>`sum(count)`;
  if (dimension === 'district') {
    const rows = await base
      .select(['state', 'district', count.as('count')])
      .groupBy(['state', 'district'])
      .execute();
    return rows
      .map((r) => ({ key: districtOf(r.district), state: r.state, count: Number(r.count) }))
      .sort(byCountThenKey);
  }
  if (dimension === 'day') {
    const rows = await base
      .select(['day as key', count.as('count')])
      .groupBy('day')
      .orderBy('day')
      .execute();
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }
  const rows = await base
    .select([sql.ref<string>(dimension).as('key'), count.as('count')])
    .groupBy(dimension)
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) })).sort(byCountThenKey);
}

/** A tally's district as the rest of Voz knows it: null when the actions named none. */
export const districtOf = (district: string): string | null => (district === NO_DISTRICT ? null : district);

export async function countActions(db: Db, campaignId: number): Promise<number> {
  const row = await db
    .selectFrom('action_tallies')
    .select(sql<number | string | null>`sum(count)`.as('count'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(row.count ?? 0);
}

/** Where a page of a campaign's actions ends: the next page starts after this row. */
export interface ActionCursor {
  createdAt: string;
  id: number;
}

/**
 * One page of a campaign's actions in (hour, id) order, for exports that must not hold a large
 * campaign in memory (keyset pagination works the same on both dialects, unlike cursors, and the
 * (campaign_id, created_at) index serves it).
 */
export async function listActionsAfter(db: Db, campaignId: number, after: ActionCursor | null, limit: number) {
  let query = db.selectFrom('actions').selectAll().where('campaign_id', '=', campaignId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map(
    (r): ActionRecord => ({
      id: Number(r.id),
      campaignId: Number(r.campaign_id),
      target: r.target,
      channel: r.channel as Channel,
      outcome: r.outcome as Outcome,
      state: r.state as StateCode,
      district: r.district,
      language: r.language as Language,
      createdAt: r.created_at,
    }),
  );
}
