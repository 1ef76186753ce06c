import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.ts';
import type { Channel, Language, Outcome, StateCode } from '../domain.ts';
import type { ActionRecord, NewAction } from './action.ts';
import { hourOf } from './coarse-time.ts';

/** SQL only: rows in, domain types out. */

/**
 * Rows per INSERT statement. SQLite allows 32,766 bound parameters per statement and PostgreSQL
 * 65,535; eight columns times 500 rows stays well inside both.
 */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts a batch inside the caller's transaction (or as one statement per chunk without one).
 * Whatever time the caller gives, only its hour is stored (coarse-time.ts).
 */
export async function insertActions(db: Db, actions: readonly NewAction[]): Promise<void> {
  for (let i = 0; i < actions.length; i += ROWS_PER_STATEMENT) {
    const chunk = actions.slice(i, i + ROWS_PER_STATEMENT).map((a) => ({
      campaign_id: a.campaignId,
      target: a.target,
      channel: a.channel,
      outcome: a.outcome,
      state: a.state,
      district: a.district,
      language: a.language,
      created_at: hourOf(a.createdAt),
    }));
    await db.insertInto('actions').values(chunk).execute();
  }
}

/**
 * Writes the batch atomically: every row or none. On PostgreSQL that is one INSERT … SELECT FROM
 * unnest(…) of one array per column: eight parameters whatever the batch size, and a single
 * statement is its own transaction, committed before the server answers (with the default
 * synchronous_commit). One round trip instead of BEGIN, INSERT and COMMIT, and a statement whose
 * text never changes. SQLite (in memory; a file's batches go through sqlite-action-worker.ts)
 * takes a transaction of ordinary inserts.
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
  await sql`insert into actions (campaign_id, target, channel, outcome, state, district, language, created_at)
    select * from unnest(
      ${column((a) => a.campaignId)}::bigint[], ${column((a) => a.target)}::text[],
      ${column((a) => a.channel)}::text[], ${column((a) => a.outcome)}::text[],
      ${column((a) => a.state)}::text[], ${column((a) => a.district)}::text[],
      ${column((a) => a.language)}::text[], ${column((a) => hourOf(a.createdAt))}::timestamptz[]
    )`.execute(handle.db);
}

export type CountDimension = 'target' | 'outcome' | 'channel' | 'state' | 'district' | 'day' | 'language';

/** The UTC calendar day of created_at, as YYYY-MM-DD, on either dialect. */
export const dayOf = (dialect: Dialect) =>
  dialect === 'sqlite'
    ? sql<string>`substr(created_at, 1, 10)`
    : sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`;

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

/** Totals of one campaign's actions grouped by one dimension, largest first. */
export async function countActionsBy(
  db: Db,
  dialect: Dialect,
  campaignId: number,
  dimension: CountDimension,
): Promise<CountRow[]> {
  const base = db.selectFrom('actions').where('campaign_id', '=', campaignId);
  const count = sql<number>`count(*)`;
  if (dimension === 'district') {
    const rows = await base
      .select(['state', 'district', count.as('count')])
      .groupBy(['state', 'district'])
      .execute();
    return rows.map((r) => ({ key: r.district, state: r.state, count: Number(r.count) })).sort(byCountThenKey);
  }
  if (dimension === 'day') {
    const day = dayOf(dialect);
    const rows = await base
      .select([day.as('key'), count.as('count')])
      .groupBy(day)
      .orderBy('key')
      .execute();
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }
  const rows = await base
    .select([sql.ref<string>(dimension).as('key'), count.as('count')])
    .groupBy(dimension)
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) })).sort(byCountThenKey);
}

export async function countActions(db: Db, campaignId: number): Promise<number> {
  const row = await db
    .selectFrom('actions')
    .select(sql<number>`count(*)`.as('count'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
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
