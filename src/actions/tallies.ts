import type { NewAction } from './action.ts';
import { hourOf } from './coarse-time.ts';

/**
 * Running totals, kept beside the action rows and written in the same transaction: one row per
 * campaign, UTC day and combination of what was reported, with how many actions it stands for.
 * Every count and chart reads these instead of the action rows. Counting the rows cost a scan of
 * the campaign per dimension, on SQLite synchronously on the event loop: with 240,000 actions in
 * one campaign the public counter's seven reads took 1.4 s and the dashboard's ten about 3 s, and
 * with a counter on the page, reports waited (p99 441 ms in `npm run bench -- actions`). A
 * campaign's tallies grow with the combinations reported each day, not with its actions: 200,000
 * actions spread like a national campaign's make about 40,000 tallies, counted in about 60 ms.
 */

/** An action as the SQLite writer thread receives it: plain values, cheap to copy between threads. */
export type ActionTuple = [
  campaignId: number,
  target: string,
  channel: string,
  outcome: string,
  state: string,
  district: string | null,
  language: string,
  /** The start of its UTC hour (coarse-time.ts). */
  createdAt: string,
];

/** What a tally row counts, in the order of its key: campaign_id, day, then the reported fields. */
export type TallyTuple = [
  campaignId: number,
  day: string,
  target: string,
  channel: string,
  outcome: string,
  state: string,
  district: string,
  language: string,
  count: number,
];

/**
 * The tally key's district when the action named none (a senator, a governor, the President).
 * Key columns are NOT NULL because unique indexes on both dialects treat NULLs as distinct, so an
 * upsert would never find the row to add to; validation.ts never lets '' through as a district.
 */
export const NO_DISTRICT = '';

export function toActionTuple(a: NewAction): ActionTuple {
  return [a.campaignId, a.target, a.channel, a.outcome, a.state, a.district, a.language, hourOf(a.createdAt)];
}

/** A batch's actions summed by tally key: one upsert per combination instead of one per action. */
export function tallyActions(rows: readonly ActionTuple[]): TallyTuple[] {
  const byKey = new Map<string, TallyTuple>();
  for (const [campaignId, target, channel, outcome, state, district, language, createdAt] of rows) {
    const day = createdAt.slice(0, 10);
    const place = district ?? NO_DISTRICT;
    // \u0000 cannot occur in any field (validation.ts), so the joined key is unambiguous.
    const key = `${campaignId}\u0000${day}\u0000${target}\u0000${channel}\u0000${outcome}\u0000${state}\u0000${place}\u0000${language}`;
    const tally = byKey.get(key);
    if (tally) tally[8]++;
    else byKey.set(key, [campaignId, day, target, channel, outcome, state, place, language, 1]);
  }
  return [...byKey.values()];
}
