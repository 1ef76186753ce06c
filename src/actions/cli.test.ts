import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { runCli } from '../cli/main.ts';
import { captureIo } from '../cli/testing.ts';
import { fixedClock } from '../clock.ts';
import { createTestStore, type TestStore, testEachDialect } from '../db/testing.ts';
import type { NewAction } from './action.ts';
import { insertActionsAtomically } from './action-repository.ts';
import { createActionCommands } from './cli.ts';
import { createActionsContext } from './context.ts';
import { signUp } from './signup.ts';
import { addCampaign, testConfig, testDirectory } from './test-helpers.ts';

async function voz(store: TestStore, args: string[]) {
  const c = captureIo();
  const code = await runCli(args, { ...c.io, config: () => testConfig(store) });
  return { code, out: c.out(), err: c.err() };
}

const action = (campaignId: number, over: Partial<NewAction> = {}): NewAction => ({
  campaignId,
  target: 'house:ca:12',
  channel: 'call',
  outcome: 'contacted',
  state: 'CA',
  district: '12',
  language: 'en',
  createdAt: '2026-11-28T12:00:00.000Z',
  ...over,
});

testEachDialect('exports a campaign’s actions as CSV and as JSON, and only that campaign’s', async (store) => {
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const other = await addCampaign(store.handle.db, 'other');
  await insertActionsAtomically(store.handle, [
    action(campaign.id, { createdAt: '2026-11-28T13:10:00.000Z' }),
    action(campaign.id),
    action(campaign.id, { target: '-mayor', district: null, outcome: 'voicemail', language: 'es' }),
    action(other.id, { target: 'house:ny:1' }),
  ]);
  const csv = await voz(store, ['export', 'actions', '--campaign', 'asylum', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.err);
  // Hour by hour, and within an hour by content: neither row ids nor arrival order are exported.
  assert.equal(
    csv.out,
    'created_at,target,target_name,target_label,channel,outcome,state,district,language\r\n' +
      "2026-11-28T12:00:00.000Z,'-mayor,,,call,voicemail,CA,,es\r\n" +
      '2026-11-28T12:00:00.000Z,house:ca:12,,,call,contacted,CA,12,en\r\n' +
      '2026-11-28T13:00:00.000Z,house:ca:12,,,call,contacted,CA,12,en\r\n',
  );
  const json = await voz(store, ['export', 'actions', '--campaign=asylum', '--format', 'json']);
  assert.equal(json.code, 0, json.err);
  const rows = JSON.parse(json.out) as Array<Record<string, unknown>>;
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], {
    created_at: '2026-11-28T12:00:00.000Z',
    target: '-mayor',
    target_name: null,
    target_label: null,
    channel: 'call',
    outcome: 'voicemail',
    state: 'CA',
    district: null,
    language: 'es',
  });
  const empty = await addCampaign(store.handle.db, 'empty');
  assert.ok(empty);
  assert.deepEqual(
    JSON.parse((await voz(store, ['export', 'actions', '--campaign', 'empty', '--format', 'json'])).out),
    [],
  );
});

testEachDialect('export refuses a missing campaign, an unknown format or option with one line', async (store) => {
  await addCampaign(store.handle.db, 'asylum');
  const missing = await voz(store, ['export', 'actions', '--campaign', 'nope']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no campaign with slug "nope"/);
  const format = await voz(store, ['export', 'actions', '--campaign', 'asylum', '--format', 'xlsx']);
  assert.equal(format.code, 2);
  assert.match(format.err, /--format must be csv or json/);
  assert.match((await voz(store, ['export', 'actions'])).err, /--campaign <slug> is required/);
  assert.match((await voz(store, ['export', 'actions', '--campaing', 'x'])).err, /unknown option "--campaing"/);
});

testEachDialect('supporters export lists signups with their consent text; delete removes every copy', async (store) => {
  const clock = fixedClock('2026-11-28T15:00:00.000Z');
  const context = createActionsContext({
    config: testConfig(store),
    db: store.handle,
    clock,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  await addCampaign(store.handle.db, 'asylum');
  await addCampaign(store.handle.db, 'other');
  const consent = 'Sí, quiero recibir noticias de esta campaña.';
  await signUp(context, {
    campaignSlug: 'asylum',
    input: { name: '=cmd|calc', email: 'Ana@Example.org', zip: '94110', consent: 'on' },
    consentText: consent,
  });
  await signUp(context, {
    campaignSlug: 'other',
    input: { name: 'Ana', email: 'ana@example.org', consent: true },
    consentText: 'Keep me posted.',
  });
  await signUp(context, {
    campaignSlug: 'other',
    input: { name: 'Ben', email: 'ben@example.org', zip: '', consent: 'on' },
    consentText: 'Keep me posted.',
  });
  const csv = await voz(store, ['supporters', 'export', '--campaign', 'asylum']);
  assert.equal(csv.code, 0, csv.err);
  assert.equal(
    csv.out,
    'campaign,name,email,zip,consent_text,created_at,renewed_consent_text,renewed_at\r\n' +
      `asylum,'=cmd|calc,ana@example.org,94110,"${consent}",2026-11-28T15:00:00.000Z,,\r\n`,
  );
  const all = JSON.parse((await voz(store, ['supporters', 'export', '--format', 'json'])).out) as Array<{
    email: string;
    zip: string | null;
  }>;
  assert.deepEqual(
    all.map((s) => [s.email, s.zip]),
    [
      ['ana@example.org', '94110'],
      ['ana@example.org', null],
      ['ben@example.org', null],
    ],
  );
  // Ana signs up to the other campaign again: one more consent record, removed with her signups.
  await signUp(context, {
    campaignSlug: 'other',
    input: { name: 'Ana', email: 'ana@example.org', consent: true },
    consentText: 'Keep me posted.',
  });
  const deleted = await voz(store, ['supporters', 'delete', '--email', ' ANA@example.org ']);
  assert.equal(deleted.code, 0, deleted.err);
  assert.equal(deleted.out, 'Deleted 2 signups.\n');
  assert.deepEqual(await store.handle.db.selectFrom('signup_consents').selectAll().execute(), []);
  const left = JSON.parse((await voz(store, ['supporters', 'export', '--format', 'json'])).out) as Array<{
    email: string;
  }>;
  assert.deepEqual(
    left.map((s) => s.email),
    ['ben@example.org'],
  );
  const bad = await voz(store, ['supporters', 'delete', '--email', 'not-an-address']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /is not an email address/);
});

testEachDialect('supporters delete leaves nothing of the signup for the store to give back', async (store) => {
  const context = createActionsContext({
    config: testConfig(store),
    db: store.handle,
    clock: fixedClock('2026-11-28T15:00:00.000Z'),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  await addCampaign(store.handle.db, 'asylum');
  const email = 'rosa.deleteme@example.org';
  const name = 'Rosa Quintanilla-Deleteme';
  await signUp(context, {
    campaignSlug: 'asylum',
    input: { name, email, zip: '94110', consent: 'on' },
    consentText: 'Yes.',
  });
  await signUp(context, {
    campaignSlug: 'asylum',
    input: { name: 'Ben', email: 'ben@example.org', consent: 'on' },
    consentText: 'Yes.',
  });
  const deleted = await voz(store, ['supporters', 'delete', '--email', email]);
  assert.equal(deleted.out, 'Deleted 1 signup.\n');
  assert.equal(deleted.err, '');
  if (store.database.dialect === 'sqlite') {
    // Every file SQLite keeps for this store: the database, its write-ahead log and shared memory.
    const base = store.database.path;
    const files = [base, `${base}-wal`, `${base}-shm`].filter((f) => existsSync(f));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [email, name]) assert.equal(bytes.indexOf(secret), -1, `${secret} is still in ${file}`);
    }
    assert.notEqual(readFileSync(base).indexOf('ben@example.org'), -1, 'the other signup is in the main file');
  } else {
    const { rows } = await sql<{ vacuumed: boolean }>`
      select last_vacuum is not null as vacuumed from pg_stat_user_tables
      where schemaname = current_schema() and relname = 'signups'`.execute(store.handle.db);
    assert.deepEqual(rows, [{ vacuumed: true }], 'the dead row versions were vacuumed away');
  }
});

testEachDialect('the actions export names each target and its seat, beside the raw id', async (store) => {
  const campaign = await addCampaign(store.handle.db, 'asylum');
  await insertActionsAtomically(store.handle, [
    action(campaign.id, { target: 'senate:ca:1', district: '11' }),
    action(campaign.id, { target: 'mayor-smith', district: null }),
    action(campaign.id, { target: 'house:ca:11', district: '11' }),
  ]);
  const [exportCommand] = createActionCommands({ loadDirectory: async () => testDirectory() });
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += d;
  });
  const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), config: () => testConfig(store) };
  assert.equal(await exportCommand!.run(['--campaign', 'asylum', '--format', 'json'], io), 0);
  const rows = (JSON.parse(out) as Array<Record<string, unknown>>).map((r) => [
    r.target,
    r.target_name,
    r.target_label,
  ]);
  const holder = testDirectory().findOfficial(testDirectory().findSeat('house:ca:11')!.officialId!)!;
  assert.deepEqual(rows, [
    ['house:ca:11', holder.name, "California's 11th congressional district"],
    ['mayor-smith', 'Mayor Smith', 'Mayor'],
    ['senate:ca:1', 'Sara Senior', 'Senate seat, class 1'],
  ]);
});

test('export actions into a pipe that closes early (`| head`) ends quietly and successfully', async () => {
  const store = await createTestStore('sqlite');
  try {
    if (store.database.dialect !== 'sqlite') throw new Error('unreachable');
    const campaign = await addCampaign(store.handle.db, 'asylum');
    // Far more than a pipe holds, so the export is still writing when head has gone.
    const many = Array.from({ length: 6000 }, (_, i) => action(campaign.id, { target: `target-${i}` }));
    await insertActionsAtomically(store.handle, many);
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // pipefail: the pipeline fails with voz's status if voz fails, not only with head's.
    const script =
      'set -o pipefail; node --import tsx src/cli/main.ts export actions --campaign asylum 2>"$ERR" | head -n 1';
    const dir = path.dirname(store.database.path);
    const result = spawnSync('bash', ['-c', script], {
      cwd: root,
      env: { ...process.env, SQLITE_PATH: store.database.path, ERR: path.join(dir, 'stderr.txt'), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    assert.equal(
      result.stdout,
      'created_at,target,target_name,target_label,channel,outcome,state,district,language\r\n',
    );
    assert.equal(result.status, 0);
    assert.equal(readFileSync(path.join(dir, 'stderr.txt'), 'utf8'), '', 'no stack trace');
  } finally {
    await store.dispose();
  }
});
