import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../clock.ts';
import { type Config, parseConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { loadDirectoryData, prepareDirectoryData } from './load.ts';

const tiny = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/tiny');
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
  const loaded = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'officials data loaded');
  return { data, fromSnapshot: loaded?.fromSnapshot as boolean };
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
