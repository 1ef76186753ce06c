import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../cli/main.ts';
import { captureIo } from '../cli/testing.ts';
import { systemClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { checkCredentials } from './accounts.ts';

async function run(argv: string[], stdinText: string, dir: string) {
  const c = captureIo(stdinText);
  const config = parseConfig({ VAR_DIR: dir }, dir);
  const code = await runCli(argv, { ...c.io, config: () => config });
  return { code, out: c.out(), err: c.err(), config };
}

test('voz admin create makes an owner from a password on stdin', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voz-admin-cli-'));
  try {
    const ok = await run(['admin', 'create', '--email', 'Ana@Example.org'], 'a long password\n', dir);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Created owner ana@example\.org/);
    const handle = openDatabase(ok.config.database);
    const user = await checkCredentials({ db: handle.db, clock: systemClock }, 'ana@example.org', 'a long password');
    await handle.close();
    assert.equal(user?.role, 'owner');

    const again = await run(['admin', 'create', '--email', 'ana@example.org'], 'another password\n', dir);
    assert.equal(again.code, 2);
    assert.match(again.err, /already exists/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('voz admin create refuses a missing email or a short password with one line', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voz-admin-cli-'));
  try {
    const noEmail = await run(['admin', 'create'], 'a long password\n', dir);
    assert.equal(noEmail.code, 2);
    assert.match(noEmail.err, /--email is required/);
    const short = await run(['admin', 'create', '--email', 'ana@example.org'], 'short\n', dir);
    assert.equal(short.code, 2);
    assert.match(short.err, /password: Use at least 10 characters/);
    assert.doesNotMatch(short.err, /at .*\.ts:\d+/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
