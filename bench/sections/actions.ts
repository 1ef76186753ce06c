import { type ActionsBenchFigures, benchActionsAllDialects } from '../actions.ts';
import type { Figure, Section } from '../harness.ts';

/**
 * Acknowledged actions per second at 100 concurrent connections against the real server, on
 * SQLite and (when TEST_DATABASE_URL is set) on PostgreSQL. The goals are the absolute
 * ones: SQLite ≥ 5,000/s, PostgreSQL ≥ 2,000/s, p99 ≤ 50 ms, and no acknowledged action missing.
 */
function figures(f: ActionsBenchFigures): Figure[] {
  const note = `${f.connections} connections, ${f.durationS} s, ${f.requestsPerSec} req/s, p50 ${f.p50Ms} ms`;
  return [
    {
      name: `POST /actions acknowledged [${f.dialect}]`,
      value: f.acknowledgedPerSec,
      unit: '/s',
      goal: { kind: 'min', value: f.goal.acknowledgedPerSec },
      note,
    },
    { name: `POST /actions p99 [${f.dialect}]`, value: f.p99Ms, unit: 'ms', goal: { kind: 'max', value: 50 } },
    {
      name: `POST /actions errors [${f.dialect}]`,
      value: f.errors,
      unit: '',
      goal: { kind: 'max', value: 0 },
      note: `${f.notAcknowledged} answered other than 201`,
    },
    {
      name: `acknowledged but not stored [${f.dialect}]`,
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
    return (await benchActionsAllDialects({ durationS: 5, warmupS: 2 })).flatMap(figures);
  },
};
