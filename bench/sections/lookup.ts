import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildServerBundle } from '../../scripts/server-bundle.js';
import { systemClock } from '../../src/clock.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { createDirectory } from '../../src/lookup/create-directory.ts';
import { loadDirectoryData } from '../../src/officials/load.ts';
import { type Figure, median, type Section } from '../harness.ts';
import { childPids, cpuSeconds, ROOT, type RunningServer, rssMb, startServer } from '../server-process.ts';

/**
 * Directory lookups and the officials API: start-up, memory, in-process lookup time, and HTTP
 * throughput against a bare node:http server returning the same bytes, measured in the same run.
 */
const SECONDS = 2; // per throughput run: enough for a stable rate, short enough to stay bounded
const ROUNDS = 9; // pairs of runs of Voz and the baseline; the ratio is the median of the pairs' ratios
const CONNECTIONS = 50;

/** A fixed spread of ZIPs: common exact ones, split and cross-state ones, an unknown one. */
const ZIPS = ['94110', '10001', '60601', '73301', '90210', '02139', '20001', '00901', '99501', '30303'];

async function throughput(url: string, paths: string[]): Promise<number> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors and ${result.non2xx} non-2xx responses under load`);
  }
  return result.requests.total / result.duration;
}

/** Records what Voz answers for each path, for the baseline to replay byte for byte. */
async function record(url: string, paths: string[], file: string): Promise<void> {
  const recorded: Record<string, { status: number; headers: Record<string, string>; body: string }> = {};
  for (const p of paths) {
    // As autocannon asks: for the body as it is. fetch would otherwise ask for gzip and decompress.
    const res = await fetch(new URL(p, url), { headers: { 'accept-encoding': 'identity' } });
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'content-length', 'cache-control', 'etag', 'vary']) {
      const value = res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    recorded[p] = { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
  }
  writeFileSync(file, JSON.stringify(recorded));
}

function inProcessZipLookup(varDir: string): Promise<Figure[]> {
  return (async () => {
    const config = parseConfig({ VAR_DIR: varDir, LOG_LEVEL: 'silent' }, ROOT);
    const data = await loadDirectoryData(config, { clock: systemClock, logger: silentLogger });
    const directory = createDirectory(data, systemClock);
    const zips = Object.keys(data.zctas);
    let started = performance.now();
    for (const zip of zips) directory.lookupZip(zip);
    const firstUs = ((performance.now() - started) * 1000) / zips.length;
    const batch = 10_000;
    const samples: number[] = [];
    let sink = 0;
    for (let round = 0; round < 60; round++) {
      started = performance.now();
      for (let i = 0; i < batch; i++)
        sink += directory.lookupZip(zips[(round * batch + i) % zips.length]!).candidates.length;
      samples.push(((performance.now() - started) * 1000) / batch);
    }
    const points: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const zcta = data.zctas[zips[(i * 7919) % zips.length]!]!;
      if (zcta.lat === null || zcta.lon === null) continue;
      started = performance.now();
      try {
        directory.lookupPoint(zcta.lat, zcta.lon);
      } catch {
        // a point outside every polygon is a 404: still a measured lookup
      }
      points.push((performance.now() - started) * 1000);
    }
    if (sink < 0) throw new Error('unreachable');
    return [
      {
        name: 'ZIP lookup, in process (median)',
        value: median(samples),
        unit: 'µs',
        goal: { kind: 'max', value: 5 },
        note: `all ${zips.length} ZCTAs in turn, batches of ${batch}`,
      },
      { name: 'ZIP lookup, first time per ZIP (mean)', value: firstUs, unit: 'µs', note: 'assembling the answer' },
      { name: 'point lookup (median)', value: median(points), unit: 'µs', note: 'ZCTA internal points' },
    ];
  })();
}

/** `npm start`'s script: the bundled server (scripts/server-bundle.js), what users run. */
const START = 'scripts/start.js';

/**
 * The same server run from its sources through tsx, as the tests and a developer run it: the
 * figures show what the bundle saves (the loader thread and the transformed modules).
 */
async function sourcesStart(env: Record<string, string>): Promise<Figure[]> {
  const fromSources = await startServer({ script: 'src/server.ts', env });
  try {
    return [
      { name: 'ready to serve, from sources (tsx)', value: fromSources.readyMs, unit: 'ms', note: 'development' },
      { name: 'RSS after loading, from sources (tsx)', value: rssMb(fromSources.pid), unit: 'MB', note: 'development' },
    ];
  } finally {
    await fromSources.stop();
  }
}

async function measure(): Promise<Figure[]> {
  const varDir = mkdtempSync(path.join(tmpdir(), 'voz-bench-'));
  const env = { PORT: '0', HOST: '127.0.0.1', VAR_DIR: varDir, LOG_LEVEL: 'info', WORKERS: '1' };
  const figures: Figure[] = [];
  const servers: RunningServer[] = [];
  try {
    // The first start imports the upstream files and writes the snapshot; later starts read it.
    const buildStarted = performance.now();
    await buildServerBundle();
    const buildMs = performance.now() - buildStarted;
    const cold = await startServer({ script: START, env, timeoutMs: 120_000 });
    await cold.stop();
    const voz = await startServer({ script: START, env });
    servers.push(voz);
    figures.push(
      {
        name: 'ready to serve, data loaded',
        value: voz.readyMs,
        unit: 'ms',
        goal: { kind: 'max', value: 1500 },
        note: 'npm start: spawn → listening, warm snapshot',
      },
      {
        name: 'data loaded and indexed',
        value: voz.reportedReadyMs ?? Number.NaN,
        unit: 'ms',
        note: 'part of the above after modules load (server log)',
      },
      { name: 'ready to serve, first start', value: cold.readyMs, unit: 'ms', note: 'imports upstream files' },
      { name: 'server bundle build', value: buildMs, unit: 'ms', note: 'once after a code change (npm start)' },
      { name: 'RSS after loading', value: rssMb(voz.pid), unit: 'MB', goal: { kind: 'max', value: 200 } },
    );
    figures.push(...(await sourcesStart(env)));
    figures.push(...(await inProcessZipLookup(varDir)));

    const paths = ZIPS.map((zip) => `/api/v1/officials?zip=${zip}`);
    const recording = path.join(varDir, 'recorded.json');
    await record(voz.url, paths, recording);
    const bare = await startServer({ script: 'bench/bare-server.ts', args: [recording], env: {} });
    servers.push(bare);
    // Warm both, then alternate: each pair of runs sees about the same machine, so the median of
    // the pairs' ratios resists other load on a shared machine better than comparing best runs.
    await throughput(voz.url, paths);
    await throughput(bare.url, paths);
    const vozRates: number[] = [];
    const bareRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Which goes first alternates, so a machine slowing down or speeding up within a pair
      // favours each side equally often.
      if (round % 2 === 0) {
        vozRates.push(await throughput(voz.url, paths));
        bareRates.push(await throughput(bare.url, paths));
      } else {
        bareRates.push(await throughput(bare.url, paths));
        vozRates.push(await throughput(voz.url, paths));
      }
    }
    const vozRate = median(vozRates);
    const bareRate = median(bareRates);
    const ratio = median(vozRates.map((rate, i) => rate / bareRates[i]!));
    figures.push(
      {
        name: 'GET /api/v1/officials?zip=',
        value: vozRate,
        unit: 'req/s',
        note: `autocannon -c${CONNECTIONS}, median of ${ROUNDS} × ${SECONDS} s`,
      },
      { name: 'bare node:http, same bytes', value: bareRate, unit: 'req/s', note: 'baseline, runs alternated' },
      {
        name: 'officials API / bare node:http',
        value: ratio,
        unit: '×',
        goal: { kind: 'min', value: 0.9 },
      },
      { name: 'RSS after load test', value: rssMb(voz.pid), unit: 'MB', note: 'answer cache filled' },
    );
    await bare.stop();
    await voz.stop();
    servers.length = 0;

    // One worker per core, as `--workers auto` does (at least two, to show the spread).
    const workers = Math.max(2, availableParallelism());
    const cluster = await startServer({
      script: START,
      args: ['--workers', String(workers)],
      env,
      listeners: workers,
    });
    servers.push(cluster);
    await throughput(cluster.url, paths);
    const pids = childPids(cluster.pid);
    const before = pids.map(cpuSeconds);
    const clusterRate = await throughput(cluster.url, paths);
    const used = pids.map((pid, i) => cpuSeconds(pid) - before[i]!);
    const total = used.reduce((a, b) => a + b, 0);
    const busy = used.filter((s) => s >= total / (workers * 4)).length;
    figures.push(
      {
        name: `--workers ${workers} throughput`,
        value: clusterRate,
        unit: 'req/s',
        note: `${(clusterRate / vozRate).toFixed(2)}× one worker; load generator shares the cores`,
      },
      {
        name: `--workers ${workers}: workers busy`,
        value: busy,
        unit: 'processes',
        goal: { kind: 'min', value: workers },
        note: `CPU s per worker: ${used.map((s) => s.toFixed(2)).join(', ')}`,
      },
    );
    return figures;
  } finally {
    for (const server of servers) await server.stop();
    rmSync(varDir, { recursive: true, force: true });
  }
}

export const section: Section = { name: 'lookup', run: measure };
