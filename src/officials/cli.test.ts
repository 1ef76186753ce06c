import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/main.ts';
import { captureIo } from '../cli/testing.ts';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { loadDirectoryData } from './load.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let work: string;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'voz-data-cli-'));
});
after(() => rm(work, { recursive: true, force: true }));

async function voz(...argv: string[]) {
  return vozIn(work, ...argv);
}

/** Runs the CLI with DATA_DIR and VAR_DIR under `root`. */
async function vozIn(root: string, ...argv: string[]) {
  const c = captureIo();
  const config = parseConfig({ DATA_DIR: path.join(root, 'var/data'), VAR_DIR: path.join(root, 'var') }, root);
  const code = await runCli(argv, { ...c.io, config: () => config });
  return { code, out: c.out(), err: c.err() };
}

test('data check prints the counts and the vintage of valid data', async () => {
  const r = await voz('data', 'check', '--dir', path.join(fixtures, 'tiny'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /officials data as of \d{4}-\d{2}-\d{2}/);
  assert.match(r.out, /^\s+3 {2}members of Congress$/m);
  assert.match(r.out, /^\s+441 {2}House seats$/m);
  assert.match(r.err, /^… reading and validating .*tiny\n$/);
});

test('data check prints file:line problems and exits non-zero', async () => {
  const tree = path.join(work, 'bad');
  await cp(path.join(fixtures, 'tiny'), tree, { recursive: true });
  await cp(path.join(fixtures, 'malformed/zccd.csv'), path.join(tree, 'zip-district/zccd.csv'));
  const r = await voz('data', 'check', '--dir', tree);
  assert.equal(r.code, 1);
  assert.match(r.err, /^zip-district\/zccd\.csv:3: expected 4 fields, found 3$/m);
  assert.match(r.err, /5 malformed records: Voz does not serve data with records left out/);
  assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
  assert.doesNotMatch(r.err, /last good data/, 'a directory the server does not serve says nothing of it');
});

test('data check on the served directory says whether the last good data covers for it', async () => {
  const root = await mkdtemp(path.join(work, 'served-'));
  const dataDir = path.join(root, 'var/data');
  await cp(path.join(fixtures, 'tiny'), dataDir, { recursive: true });
  await cp(path.join(fixtures, 'malformed/zccd-split-row.csv'), path.join(dataDir, 'zip-district/zccd.csv'));
  const none = await vozIn(root, 'data', 'check');
  assert.equal(none.code, 1);
  assert.match(none.err, /^There is no last good data in .*var\/cache: the server will not start with this data\.$/m);

  await cp(path.join(fixtures, 'tiny/zip-district/zccd.csv'), path.join(dataDir, 'zip-district/zccd.csv'));
  const config = parseConfig({ DATA_DIR: dataDir, VAR_DIR: path.join(root, 'var') }, root);
  await loadDirectoryData(config, { clock: fixedClock('2026-11-28T12:00:00Z'), logger: silentLogger });
  await rm(path.join(dataDir, 'zip-district/zccd.csv'));
  const covered = await vozIn(root, 'data', 'check');
  assert.equal(covered.code, 1);
  assert.match(covered.err, /^zip-district\/zccd\.csv: file is missing$/m);
  assert.match(
    covered.err,
    /^The server serves the last good data \(validated 2026-11-28T12:00:00\.000Z\) instead, until this is fixed\.$/m,
  );
});

test('data check on a directory that is not data says what is missing', async () => {
  const r = await voz('data', 'check', '--dir', work);
  assert.equal(r.code, 1);
  assert.match(r.err, /^congress-legislators\/legislators-current\.json: file is missing$/m);
});

test('data sync needs --from and rejects unknown options', async () => {
  assert.match((await voz('data', 'sync')).err, /--from is required/);
  const r = await voz('data', 'sync', '--from', 'x', '--bogus');
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown argument "--bogus"/);
});

test('data sync from a directory that does not exist says so once, and exits non-zero', async () => {
  const missing = path.join(work, 'nowhere');
  const r = await voz('data', 'sync', '--from', missing);
  assert.equal(r.code, 1);
  assert.equal(
    r.err,
    `${missing}: directory does not exist\nThe data in ${path.join(work, 'var/data')} was left unchanged.\n`,
  );
});

test('data sync copies valid data into the data directory and reports progress', async () => {
  const r = await voz('data', 'sync', '--from', path.join(fixtures, 'tiny'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Updated .*var\/data: 3 members of Congress/);
  assert.match(r.err, /… validating/);
  assert.equal((await voz('data', 'check')).code, 0);
});
