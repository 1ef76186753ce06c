import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../../clock.ts';
import { parseConfig } from '../../config.ts';
import { silentLogger } from '../../log.ts';
import { formatProblem } from '../import/problems.ts';
import { MANIFEST_FILE } from '../import/source-meta.ts';
import { loadDirectoryData } from '../load.ts';
import { SOURCES } from '../sources.ts';
import { syncData } from './sync.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const tiny = path.join(fixtures, 'tiny');
let work: string;
let server: Server;
let base: string;
/** What the local server serves: the tiny tree, plus an Open States archive for the upstream layout. */
let served: string;
let hang = false;
let truncate = false;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'voz-sync-'));
  served = path.join(work, 'served');
  await cp(tiny, served, { recursive: true });
  await writeArchive(path.join(served, 'people.tar.gz'));
  server = createServer(async (req, res) => {
    if (hang) return; // never answers: the client must time out
    if (truncate) {
      // Promises a whole file, sends a little of it, and drops the connection.
      res.writeHead(200, { 'content-length': '100000' }).write('{"partial": ');
      setTimeout(() => res.destroy(), 20);
      return;
    }
    const file = path.join(served, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const body = file.startsWith(served) ? await readFile(file).catch(() => null) : null;
    res.writeHead(body ? 200 : 404).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

/** An archive laid out like GitHub's for openstates/people: one YAML file per person. */
async function writeArchive(target: string): Promise<void> {
  const tree = path.join(work, 'archive');
  await mkdir(path.join(tree, 'people-main/data/us/legislature'), { recursive: true });
  await writeFile(path.join(tree, 'people-main/data/us/legislature/Ignored.yml'), 'id: not-a-state\n');
  for (const kind of ['legislature', 'executive']) {
    const bundle = await readFile(path.join(tiny, `openstates-people/vt/${kind}.yml`), 'utf8');
    const dir = path.join(tree, `people-main/data/vt/${kind}`);
    await mkdir(dir, { recursive: true });
    for (const [i, doc] of bundle.split(/^---$/m).slice(1).entries()) {
      await writeFile(path.join(dir, `Person-${i}.yml`), doc.replace(/^\n/, '').replace(/# source:.*\n$/, ''));
    }
  }
  execFileSync('tar', ['-czf', target, '-C', tree, 'people-main']);
}

const dirs = async () => {
  const root = await mkdtemp(path.join(work, 'case-'));
  return { dataDir: path.join(root, 'var/data'), varDir: path.join(root, 'var') };
};

test('copies a directory laid out like the mirror, validates it and swaps it in', async () => {
  const { dataDir, varDir } = await dirs();
  const progress: string[] = [];
  const result = await syncData({ from: tiny, dataDir, varDir, progress: (m) => progress.push(m) });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.counts.members, 3);
  assert.ok(progress.includes('validating'));
  const manifest = JSON.parse(await readFile(path.join(dataDir, MANIFEST_FILE), 'utf8'));
  assert.equal(manifest.from, tiny);
  assert.equal(manifest.sources.congress.commit, '0000000000000000000000000000000000000001');
});

test('dates the manifest by the clock it is given', async () => {
  const { dataDir, varDir } = await dirs();
  const clock = fixedClock('2031-02-03T04:05:06Z');
  assert.ok((await syncData({ from: tiny, dataDir, varDir, clock })).ok);
  const manifest = JSON.parse(await readFile(path.join(dataDir, MANIFEST_FILE), 'utf8'));
  assert.equal(manifest.syncedAt, '2031-02-03T04:05:06.000Z');
});

test('a source directory that does not exist is one problem, not one per missing file', async () => {
  const { dataDir, varDir } = await dirs();
  const progress: string[] = [];
  const missing = path.join(work, 'no-such-dir');
  const result = await syncData({ from: missing, dataDir, varDir, progress: (m) => progress.push(m) });
  assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), [`${missing}: directory does not exist`]);
  assert.deepEqual(progress, [], 'nothing was copied or validated');
  const file = path.join(tiny, 'README.md');
  const notDir = await syncData({ from: file, dataDir, varDir });
  assert.deepEqual(notDir.ok ? [] : notDir.problems.map(formatProblem), [`${file}: is not a directory`]);
});

test('a bad file leaves the old data in use', async () => {
  const { dataDir, varDir } = await dirs();
  assert.ok((await syncData({ from: tiny, dataDir, varDir })).ok);
  const before = await readFile(path.join(dataDir, 'zip-district/zccd.csv'), 'utf8');

  const broken = path.join(work, 'broken');
  await cp(tiny, broken, { recursive: true });
  await cp(path.join(fixtures, 'malformed/zccd.csv'), path.join(broken, 'zip-district/zccd.csv'));
  const result = await syncData({ from: broken, dataDir, varDir });
  assert.equal(result.ok, false);
  assert.ok(
    !result.ok && result.problems.some((p) => formatProblem(p) === 'zip-district/zccd.csv:4: unknown state "XX"'),
  );
  assert.equal(await readFile(path.join(dataDir, 'zip-district/zccd.csv'), 'utf8'), before);

  await rm(path.join(broken, 'congress-legislators/executive.json'));
  const missing = await syncData({ from: broken, dataDir, varDir, acceptSkipped: true });
  assert.ok(!missing.ok && missing.problems.some((p) => p.message === 'file is missing'));
  assert.equal(await readFile(path.join(dataDir, 'zip-district/zccd.csv'), 'utf8'), before);
});

test('fetches from a base URL laid out like the mirror, with the upstream licences, readable by all', async () => {
  const { dataDir, varDir } = await dirs();
  await writeFile(path.join(served, 'zip-district/UPSTREAM-LICENSE'), 'CC0 1.0 Universal\n');
  const result = await syncData({ from: base, dataDir, varDir });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(await readFile(path.join(dataDir, 'zip-district/UPSTREAM-LICENSE'), 'utf8'), 'CC0 1.0 Universal\n');
  assert.equal((await stat(dataDir)).mode & 0o777, 0o755);
  assert.equal(result.counts.statePeople, 7);
  const manifest = JSON.parse(await readFile(path.join(dataDir, MANIFEST_FILE), 'utf8'));
  assert.equal(manifest.from, base);
});

test('fetches from upstream URLs and bundles Open States people files by state', async () => {
  const { dataDir, varDir } = await dirs();
  // Upstream hosts answered by the local server, path for path.
  const upstream = new Map(SOURCES.flatMap((s) => Object.entries(s.files).map(([rel, url]) => [url, rel])));
  const fetchImpl: typeof fetch = (input, init) => {
    const url = String(input);
    const rel = upstream.get(url);
    assert.ok(rel, `unexpected URL ${url}`);
    return fetch(new URL(rel === 'openstates-people' ? 'people.tar.gz' : rel, base), init);
  };
  const result = await syncData({ from: 'upstream', dataDir, varDir, fetchImpl });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(
    result.counts.statePeople,
    5,
    'the three Vermont legislators and two executives; data/us is not a state',
  );
  const bundle = await readFile(path.join(dataDir, 'openstates-people/vt/legislature.yml'), 'utf8');
  assert.match(bundle, /^# source: data\/vt\/legislature\/Person-0\.yml\n---\nid: ocd-person\//m);
  const manifest = JSON.parse(await readFile(path.join(dataDir, MANIFEST_FILE), 'utf8'));
  assert.equal(manifest.sources['zip-district'].commit, '1335b61ff36b6835a25fc63c754070a6148110e7');
});

test('a failed download names the URL and leaves the old data in use', async () => {
  const { dataDir, varDir } = await dirs();
  assert.ok((await syncData({ from: tiny, dataDir, varDir })).ok);
  const result = await syncData({ from: new URL('nowhere/', base).href, dataDir, varDir });
  assert.ok(!result.ok && /download failed: .*legislators-current\.json: HTTP 404/.test(result.problems[0]!.message));
  assert.ok((await readFile(path.join(dataDir, 'zip-district/zccd.csv'))).length > 0);
});

test('gives up on a server that does not answer', async () => {
  const { dataDir, varDir } = await dirs();
  hang = true;
  try {
    const result = await syncData({ from: base, dataDir, varDir, timeoutMs: 200 });
    assert.ok(!result.ok && /timed out after 200 ms/.test(result.problems[0]!.message));
  } finally {
    hang = false;
  }
});

test('a download that breaks off names the file and says so', async () => {
  const { dataDir, varDir } = await dirs();
  truncate = true;
  try {
    const result = await syncData({ from: base, dataDir, varDir });
    const message = result.ok ? '' : result.problems[0]!.message;
    assert.match(message, /\/congress-legislators\/legislators-current\.json: the download broke off \(terminated/);
  } finally {
    truncate = false;
  }
});

test('a server that refuses the connection is named with the reason, not "fetch failed"', async () => {
  const { dataDir, varDir } = await dirs();
  // A port that was just free: nothing listens on it.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const result = await syncData({ from: `http://127.0.0.1:${port}/`, dataDir, varDir });
  assert.match(
    result.ok ? '' : result.problems[0]!.message,
    new RegExp(`fetch failed: .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`),
  );
});

test('never replaces a data directory that sync did not write', async () => {
  const { dataDir, varDir } = await dirs();
  await cp(tiny, dataDir, { recursive: true });
  const result = await syncData({ from: tiny, dataDir, varDir });
  assert.ok(!result.ok && /was not written by `voz data sync`/.test(result.problems[0]!.message));
});

test('on first start without a data directory, fetches the data and loads it', async () => {
  const { dataDir, varDir } = await dirs();
  const config = { ...parseConfig({ DATA_DIR: dataDir, VAR_DIR: varDir }, work) };
  const data = await loadDirectoryData(config, {
    clock: fixedClock('2026-11-28T12:00:00Z'),
    logger: silentLogger,
    fetchFrom: base,
  });
  assert.equal(data.status.counts.members, 3);
  assert.equal(data.status.dataDir, dataDir);
});

test('a first start whose fetch fails says how to provide the data', async () => {
  const { dataDir, varDir } = await dirs();
  const config = { ...parseConfig({ DATA_DIR: dataDir, VAR_DIR: varDir }, work) };
  await assert.rejects(
    loadDirectoryData(config, {
      clock: fixedClock('2026-11-28T12:00:00Z'),
      logger: silentLogger,
      fetchFrom: new URL('nowhere/', base).href,
    }),
    (err: unknown) =>
      err instanceof Error &&
      err.message.includes(`There is no officials data at ${dataDir}`) &&
      err.message.includes('Set DATA_DIR') &&
      err.message.includes('voz data sync --from') &&
      /legislators-current\.json: HTTP 404/.test(err.message),
  );
});
