import { type ActionsBenchFigures, benchActionsAllDialects } from '../actions.ts';
import type { Figure, Section } from '../harness.ts';

/**
 * Acknowledged actions per second at 100 concurrent connections against the real server, on
 * SQLite and (when TEST_DATABASE_URL is set) on PostgreSQL. The goals are the absolute
 * ones: SQLite ≥ 5,000/s, PostgreSQL ≥ 2,000/s, p99 ≤ 50 ms, and no acknowledged action missing.
 *
 * Twice: on a new campaign, and on one that has gone viral, with 200,000 actions stored and its
 * public counter read by one request in 20 (a page showing its total to every visitor). The
 * second is where counting used to stall the server: each refresh of the counter counted the
 * campaign's rows, on SQLite synchronously on the event loop.
 */
const VIRAL = { stored: 200_000, counterEvery: 20 };

function figures(f: ActionsBenchFigures, scenario: string): Figure[] {
  const note =
    `${f.connections} connections, ${f.durationS} s, ${f.requestsPerSec} req/s, p50 ${f.p50Ms} ms` +
    (f.counterReads > 0 ? `, ${f.counterReads} counter reads` : '');
  const name = (what: string) => `${what} [${f.dialect}${scenario}]`;
  return [
    {
      name: name('POST /actions acknowledged'),
      value: f.acknowledgedPerSec,
      unit: '/s',
      goal: { kind: 'min', value: f.goal.acknowledgedPerSec },
      note,
    },
    { name: name('POST /actions p99'), value: f.p99Ms, unit: 'ms', goal: { kind: 'max', value: 50 } },
    {
      name: name('POST /actions errors'),
      value: f.errors,
      unit: '',
      goal: { kind: 'max', value: 0 },
      note: `${f.notAcknowledged} answered other than 201`,
    },
    {
      name: name('acknowledged but not stored'),
      value: Math.max(0, f.acknowledged - f.stored),
      unit: '',
      goal: { kind: 'max', value: 0 },
      note: `${f.acknowledged} acknowledged, ${f.stored} stored`,
    },
  ];
}

export const section: Section = {
  name: 'actions',
  async run() {
    const fresh = await benchActionsAllDialects({ durationS: 5, warmupS: 2 });
    const viral = await benchActionsAllDialects({ durationS: 5, warmupS: 2, ...VIRAL });
    return [...fresh.flatMap((f) => figures(f, '')), ...viral.flatMap((f) => figures(f, ', 200k stored + counter'))];
  },
};
