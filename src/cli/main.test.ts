import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parseConfig } from '../config.ts';
import { runCli } from './main.ts';
import { captureIo } from './testing.ts';

const capture = () => captureIo();

test('an unknown command prints one line and exits non-zero', async () => {
  const c = capture();
  const code = await runCli(['frobnicate'], c.io);
  assert.equal(code, 2);
  assert.match(c.err(), /unknown command "frobnicate"/);
  assert.doesNotMatch(c.err(), /at .*\.ts:\d+/);
});

test('--help lists the commands', async () => {
  const c = capture();
  assert.equal(await runCli(['--help'], c.io), 0);
  assert.match(c.out(), /db migrate/);
});

test('an unreachable PostgreSQL is one line naming the problem, without the password, and exit 69', async () => {
  const c = capture();
  const config = () =>
    parseConfig({ DATABASE_URL: 'postgres://voz:s3cret@127.0.0.1:1/voz', DB_CONNECT_TIMEOUT_MS: '500' });
  const code = await runCli(['db', 'migrate'], { ...c.io, config });
  assert.equal(code, 69);
  assert.match(
    c.err(),
    /^voz db migrate: the database cannot be used: connect ECONNREFUSED 127\.0\.0\.1:1 \(check DATABASE_URL\)\n$/,
  );
  assert.doesNotMatch(c.err(), /s3cret/);
});

test('a bug is still an error: only database failures are turned into that line', async () => {
  const c = capture();
  const config = () => {
    throw new TypeError('not a database problem');
  };
  await assert.rejects(runCli(['db', 'migrate'], { ...c.io, config }), /not a database problem/);
});

test('a reader that stops reading ends the command quietly and successfully', () => {
  // `true` exits at once, long before voz (started through tsx) writes: every write meets EPIPE.
  const result = spawnSync('bash', ['-c', 'node bin/voz.js --help | true; echo "$PIPESTATUS"'], {
    encoding: 'utf8',
  });
  assert.equal(result.stdout.trim(), '0');
  assert.doesNotMatch(result.stderr, /EPIPE|at .*:\d+/);
});
