import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../clock.ts';
import { type Config, parseConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import { DataLoadError } from './import/problems.ts';
import { loadDirectoryData, prepareDirectoryData } from './load.ts';
import { syncData } from './sync/sync.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const tiny = path.join(fixtures, 'tiny');
let work: string;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'voz-prepare-'));
});
after(() => rm(work, { recursive: true, force: true }));

async function setup(): Promise<Config> {
  const root = await mkdtemp(path.join(work, 'case-'));
  await cp(tiny, path.join(root, 'data'), { recursive: true });
  return parseConfig({ DATA_DIR: 'data', VAR_DIR: 'var' }, root);
}

async function load(config: Config, day: string, isolate = true) {
  const lines: string[] = [];
  const data = await loadDirectoryData(config, {
    clock: fixedClock(`${day}T12:00:00Z`),
    logger: createLogger('info', (l) => lines.push(l)),
    isolate,
  });
  const logs = lines.map((l) => JSON.parse(l) as { level: string; msg: string; [key: string]: unknown });
  const loaded = logs.find((l) => l.msg === 'officials data loaded');
  return { data, fromSnapshot: loaded?.fromSnapshot as boolean, logs };
}

/** Replaces one file of the config's data directory with a malformed fixture. */
const breakFile = (config: Config, fixture: string, target: string) =>
  cp(path.join(fixtures, 'malformed', fixture), path.join(config.dataDir, target));

async function loadError(config: Config, isolate = true): Promise<DataLoadError> {
  try {
    await load(config, '2026-11-28', isolate);
  } catch (err) {
    assert.ok(err instanceof DataLoadError, String(err));
    return err;
  }
  assert.fail('the data was served');
}

test('a worker and the server process itself assemble the same directory', async () => {
  const inWorker = await load(await setup(), '2026-11-28');
  const inProcess = await load(await setup(), '2026-11-28', false);
  assert.equal(inWorker.fromSnapshot, false);
  const strip = (d: typeof inWorker.data) => ({ ...d, status: { ...d.status, dataDir: '', importedAt: '' } });
  assert.deepEqual(strip(inWorker.data), strip(inProcess.data));
});

test('reuses the snapshot until a date recorded in the data passes', async () => {
  const config = await setup();
  assert.equal((await load(config, '2026-11-28')).fromSnapshot, false);
  assert.equal((await load(config, '2026-12-15')).fromSnapshot, true, 'no term starts or ends in between');
  const after = await load(config, '2029-01-21');
  assert.equal(after.fromSnapshot, false, 'the presidential term ended on 2029-01-20');
  assert.ok(after.data.status.warnings.some((w) => w.includes('no current President term')));
  assert.equal((await load(config, '2026-11-28')).fromSnapshot, false, 'only the latest window is kept');
});

test('reads the files again when one of them changes', async () => {
  const config = await setup();
  await load(config, '2026-11-28');
  assert.equal((await load(config, '2026-11-28')).fromSnapshot, true);
  const later = new Date('2026-11-28T13:00:00Z');
  await utimes(path.join(config.dataDir, 'zip-district/zccd.csv'), later, later);
  assert.equal((await load(config, '2026-11-28')).fromSnapshot, false);
});

test('a change of White House settings is not served from an old snapshot', async () => {
  const config = await setup();
  await load(config, '2026-11-28');
  const changed = { ...config, whiteHouse: { ...config.whiteHouse, phone: '202-555-0199' } };
  const { data, fromSnapshot } = await load(changed, '2026-11-28');
  assert.equal(fromSnapshot, false);
  assert.equal(data.officials.find((o) => o.seatId === 'president')?.offices[0]?.phone, '202-555-0199');
});

test('preparing ahead lets the next load only read the snapshot', async () => {
  const config = await setup();
  await prepareDirectoryData(config, { clock: fixedClock('2026-11-28T12:00:00Z'), logger: createLogger('silent') });
  assert.equal((await load(config, '2026-11-28')).fromSnapshot, true);
  await prepareDirectoryData(config, { clock: fixedClock('2026-11-28T12:00:00Z'), logger: createLogger('silent') });
});

test('does not start on data with a skipped record when there is no last good data', async () => {
  for (const isolate of [true, false]) {
    const config = await setup();
    await breakFile(config, 'zccd-split-row.csv', 'zip-district/zccd.csv');
    const err = await loadError(config, isolate);
    assert.match(err.message, /has 1 malformed record, and Voz does not serve data with records left out/);
    assert.match(err.message, /There is no snapshot of earlier good data/);
    assert.match(err.message, /zip-district\/zccd\.csv:5: district "two" is not a number/);
  }
});

test('serves the last good data when a record breaks, so a split ZIP stays split, and says so', async () => {
  const config = await setup();
  const good = await load(config, '2026-11-28');
  assert.equal(good.data.status.degraded, undefined);
  assert.equal(good.data.zctas['03750']?.districts.length, 2, '03750 spans VT and NH');
  await breakFile(config, 'zccd-split-row.csv', 'zip-district/zccd.csv');

  const served = await load(config, '2026-11-28');
  assert.equal(served.fromSnapshot, false);
  assert.deepEqual(served.data.zctas, good.data.zctas, 'the broken row did not make 03750 one district');
  const degraded = served.data.status.degraded;
  assert.ok(degraded);
  assert.match(
    degraded.message,
    /failed validation \(1 problem\): Voz is serving the last good data, validated 2026-11-28T12:00:00\.000Z/,
  );
  assert.deepEqual(degraded.problems, ['zip-district/zccd.csv:5: district "two" is not a number']);
  assert.equal(served.data.status.warnings[0], degraded.message);
  const directory = createDirectory(served.data, fixedClock('2026-11-28T12:00:00Z'));
  assert.equal(directory.lookupZip('03750').confidence, 'zip_spans_states');
  const errors = served.logs.filter((l) => l.level === 'error');
  assert.ok(errors.some((l) => l.msg === 'serving the last good officials data'));
  assert.ok(errors.some((l) => l.problem === 'zip-district/zccd.csv:5: district "two" is not a number'));

  const again = await load(config, '2026-11-28');
  assert.equal(again.fromSnapshot, true, 'the bad files are not read again until they change');
  assert.ok(again.logs.some((l) => l.level === 'error' && l.msg === 'serving the last good officials data'));

  await cp(path.join(tiny, 'zip-district/zccd.csv'), path.join(config.dataDir, 'zip-district/zccd.csv'));
  const fixed = await load(config, '2026-11-28');
  assert.equal(fixed.data.status.degraded, undefined, 'fixed data is served again');
  assert.ok(!fixed.logs.some((l) => l.level === 'error'));
});

test('serves the last good data when a file goes missing', async () => {
  const config = await setup();
  const good = await load(config, '2026-11-28');
  await rm(path.join(config.dataDir, 'zip-district/zccd.csv'));
  const served = await load(config, '2026-11-28');
  assert.deepEqual(served.data.status.degraded?.problems, ['zip-district/zccd.csv: file is missing']);
  assert.deepEqual(served.data.officials, good.data.officials);
});

test('serves the last good data when the first download fails', async () => {
  const config = await setup();
  await load(config, '2026-11-28');
  await rm(config.dataDir, { recursive: true });
  const lines: string[] = [];
  const data = await loadDirectoryData(config, {
    clock: fixedClock('2026-11-28T12:00:00Z'),
    logger: createLogger('info', (l) => lines.push(l)),
    fetchFrom: path.join(work, 'no-such-mirror'),
  });
  assert.match(data.status.degraded?.problems[0] ?? '', /no-such-mirror: directory does not exist/);
  assert.equal(data.status.counts.members, 3);
});

test('a member record that was skipped never reads as a vacancy', async () => {
  // Accepted with --accept-skipped: served, with the record left out and its seat unknown.
  const config = await setup();
  const broken = path.join(work, `broken-${Date.now()}`);
  await cp(tiny, broken, { recursive: true });
  await cp(
    path.join(fixtures, 'malformed/legislators-current-bad-state.json'),
    path.join(broken, 'congress-legislators/legislators-current.json'),
  );
  await cp(path.join(fixtures, 'malformed/zccd-split-row.csv'), path.join(broken, 'zip-district/zccd.csv'));
  const dataDir = path.join(path.dirname(config.dataDir), 'synced');
  const refused = await syncData({ from: broken, dataDir, varDir: config.varDir });
  assert.equal(refused.ok, false, 'sync refuses skipped records unless told to accept them');
  const synced = await syncData({ from: broken, dataDir, varDir: config.varDir, acceptSkipped: true });
  assert.ok(synced.ok, JSON.stringify(synced));
  const manifest = JSON.parse(await readFile(path.join(dataDir, 'voz-manifest.json'), 'utf8'));
  assert.equal(manifest.accepted.length, 2);

  const { data } = await load({ ...config, dataDir }, '2026-11-28');
  assert.equal(data.status.degraded, undefined, 'accepted problems are served as they are');
  const seat = data.seats.find((s) => s.id === 'senate:vt:1')!;
  assert.equal(seat.officialId, null);
  assert.equal(seat.holderUnknown?.reason, 'record_not_loaded');
  assert.equal(data.seats.find((s) => s.id === 'house:vt:0')?.holderUnknown, undefined, 'a House seat stays vacant');
  const directory = createDirectory(data, fixedClock('2026-11-28T12:00:00Z'));
  const senators = directory.lookupState('VT').representations.filter((r) => r.seat.chamber === 'senate');
  assert.deepEqual(
    senators.map((r) => [r.seat.id, r.vacant, r.holderUnknown]),
    [
      ['senate:vt:3', false, false],
      ['senate:vt:1', false, true],
    ],
  );
  const zip = directory.lookupZip('03750');
  assert.equal(zip.confidence, 'unknown_zip', 'a ZIP that lost a row is not answered from the rows left');
  assert.match(zip.message ?? '', /could not be read/);
  assert.equal(directory.lookupZip('05401').confidence, 'exact');
});
