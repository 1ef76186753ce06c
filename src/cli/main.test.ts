import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { runCli } from './main.ts';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  return { io: { stdout, stderr, stdin: new PassThrough() }, out: () => out, err: () => err };
}

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
