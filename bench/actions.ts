import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { addCampaign } from '../src/actions/test-helpers.ts';
import type { Dialect } from '../src/db/database.ts';
import { createTestStore, dialectsUnderTest } from '../src/db/testing.ts';
import { databaseEnv, startVozServer } from '../test/support/voz-server.ts';
import { storeActions } from './stored-actions.ts';

/**
 * Acknowledged actions per second: autocannon at 100 concurrent connections against the real
 * server (`node --import tsx src/server.ts`), once per dialect, on a fresh store each time. Every
 * request comes from a different client address (TRUST_PROXY with a varying X-Forwarded-For)
 * and the per-client limit is raised, so neither the rate limit nor repeat detection answers in
 * place of the database. Goals: SQLite ≥ 5,000/s, PostgreSQL ≥ 2,000/s, p99 ≤ 50 ms.
 */

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
  duration: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;
// Loaded untyped on purpose: bench/autocannon.d.ts declares only what the other sections use,
// not setupRequest or statusCodeStats.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface ActionsBenchFigures {
  dialect: Dialect;
  connections: number;
  durationS: number;
  /** 201 responses per second: actions the server said were durably stored. */
  acknowledgedPerSec: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  acknowledged: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses other than 201 (e.g. 503 when the write queue is full). */
  notAcknowledged: number;
  /** Rows found afterwards; at least `acknowledged`, or an acknowledged write was lost. */
  stored: number;
  /** Past actions stored before the load, and how many counter reads the load made. */
  storedBefore: number;
  counterReads: number;
  goal: { acknowledgedPerSec: number; p99Ms: number; met: boolean };
}

const GOALS: Record<Dialect, number> = { sqlite: 5000, postgres: 2000 };

/** Requests sent so far in this process: each gets a client address of its own, across runs too. */
let n = 0;

/**
 * The reports the load cycles through: every target, outcome and language, each body serialised
 * once here. The load generator shares the machine's two cores with the server, so every
 * microsecond it spends building a request is one the server does not get.
 */
function reportBodies(): string[] {
  // The bench campaign's targets for a supporter in CA-12 (reports are checked against them).
  const targets = ['senate:ca:1', 'senate:ca:3', 'house:ca:12', 'mayor-smith'];
  const outcomes = ['contacted', 'voicemail', 'unavailable'];
  const bodies: string[] = [];
  for (const target of targets) {
    for (const outcome of outcomes) {
      for (const language of ['en', 'es']) {
        bodies.push(JSON.stringify({ target, channel: 'call', outcome, state: 'CA', district: '12', language }));
      }
    }
  }
  return bodies;
}

/** The load: action reports, and with `counterEvery` every so many requests a read of the public counter. */
function load(url: string, connections: number, durationS: number, counterEvery = 0): Promise<AutocannonResult> {
  const bodies = reportBodies();
  const path = '/api/v1/campaigns/bench/actions';
  const counter: AutocannonRequest = { method: 'GET', path: '/api/v1/campaigns/bench/counts', headers: {} };
  return autocannon({
    url,
    connections,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest(req) {
          n++;
          if (counterEvery > 0 && n % counterEvery === 0) return { ...req, ...counter };
          // Keeps autocannon's own fields (host and port among them), replacing the varying two.
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: bodies[n % bodies.length],
          };
        },
      },
    ],
  });
}

export interface ActionsBenchOptions {
  connections?: number;
  durationS?: number;
  warmupS?: number;
  /** Past actions in the campaign before the load starts (stored-actions.ts). */
  stored?: number;
  /** Every this many requests, one reads the public counter instead of reporting (0: none). */
  counterEvery?: number;
}

export async function benchActions(dialect: Dialect, options: ActionsBenchOptions = {}): Promise<ActionsBenchFigures> {
  const connections = options.connections ?? 100;
  const durationS = options.durationS ?? 10;
  const counterEvery = options.counterEvery ?? 0;
  const store = await createTestStore(dialect);
  try {
    const campaign = await addCampaign(store.handle.db, 'bench');
    if (options.stored) await storeActions(store.handle, campaign.id, options.stored, new Date());
    const server = await startVozServer({
      ...databaseEnv(store.database),
      TRUST_PROXY: 'true',
      ACTIONS_RATE_LIMIT: '1000000',
      LOG_LEVEL: 'error',
    });
    try {
      await load(server.url, connections, options.warmupS ?? 2, counterEvery);
      const before = await countRows(store.handle, campaign.id);
      const result = await load(server.url, connections, durationS, counterEvery);
      const acknowledged = result.statusCodeStats?.['201']?.count ?? 0;
      const counterReads =
        (result.statusCodeStats?.['200']?.count ?? 0) + (result.statusCodeStats?.['304']?.count ?? 0);
      const stored = (await countRows(store.handle, campaign.id)) - before;
      const acknowledgedPerSec = Math.round(acknowledged / result.duration);
      const goal = GOALS[dialect];
      return {
        dialect,
        connections,
        durationS: result.duration,
        acknowledgedPerSec,
        requestsPerSec: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
        acknowledged,
        errors: result.errors + result.timeouts,
        notAcknowledged: result.requests.total - acknowledged - counterReads,
        counterReads,
        storedBefore: options.stored ?? 0,
        stored,
        goal: { acknowledgedPerSec: goal, p99Ms: 50, met: acknowledgedPerSec >= goal && result.latency.p99 <= 50 },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await store.dispose();
  }
}

async function countRows(handle: Awaited<ReturnType<typeof createTestStore>>['handle'], campaignId: number) {
  const row = await handle.db
    .selectFrom('actions')
    .select(sql<number>`count(*)`.as('n'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs on every dialect under test (PostgreSQL when TEST_DATABASE_URL is set). */
export async function benchActionsAllDialects(options?: Parameters<typeof benchActions>[1]) {
  const figures: ActionsBenchFigures[] = [];
  for (const dialect of dialectsUnderTest()) figures.push(await benchActions(dialect, options));
  return figures;
}

export function formatActionsFigures(figures: ActionsBenchFigures[]): string {
  return figures
    .map(
      (f) =>
        `actions [${f.dialect}] ${f.connections} connections, ${f.durationS} s: ` +
        `${f.acknowledgedPerSec} acknowledged/s (goal ≥ ${f.goal.acknowledgedPerSec}), ` +
        `${f.requestsPerSec} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms (goal ≤ ${f.goal.p99Ms}), ` +
        `errors ${f.errors}, not acknowledged ${f.notAcknowledged}, stored ${f.stored}/${f.acknowledged}` +
        (f.goal.met ? ' — goal met' : ' — goal NOT met'),
    )
    .join('\n');
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
  benchActionsAllDialects({ durationS }).then(
    (figures) => {
      process.stdout.write(`${formatActionsFigures(figures)}\n`);
      if (figures.some((f) => f.stored < f.acknowledged)) process.exitCode = 1;
    },
    (err: unknown) => {
      process.stderr.write(`bench actions: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
