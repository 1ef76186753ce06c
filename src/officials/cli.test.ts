import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/main.ts';
import { parseConfig } from '../config.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let work: string;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'voz-data-cli-'));
});
after(() => rm(work, { recursive: true, force: true }));

async function voz(...argv: string[]) {
  let out = '';
  let err = '';
  const stdout = new PassThrough().on('data', (d) => {
    out += d;
  });
  const stderr = new PassThrough().on('data', (d) => {
    err += d;
  });
  const config = parseConfig({ DATA_DIR: path.join(work, 'var/data'), VAR_DIR: path.join(work, 'var') }, work);
  const code = await runCli(argv, { stdout, stderr, stdin: new PassThrough(), config: () => config });
  return { code, out, err };
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
  assert.match(r.err, /5 malformed records/);
  assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
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

test('data sync copies valid data into the data directory and reports progress', async () => {
  const r = await voz('data', 'sync', '--from', path.join(fixtures, 'tiny'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Updated .*var\/data: 3 members of Congress/);
  assert.match(r.err, /… validating/);
  assert.equal((await voz('data', 'check')).code, 0);
});
