import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { runCli } from '../cli/main.ts';
import { captureIo } from '../cli/testing.ts';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createTestStore, testEachDialect } from '../db/testing.ts';
import type { Campaign } from './campaign.ts';
import { countCampaigns, insertCampaign, listCampaigns } from './campaign-repository.ts';
import { exportCampaigns, importCampaigns } from './campaign-sync.ts';
import { demoCampaign } from './demo-campaign.ts';
import { sampleCampaignInput } from './fixtures.ts';

const clock = fixedClock('2026-11-28T12:00:00Z');
const tmp = mkdtempSync(path.join(tmpdir(), 'voz-campaign-files-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(tmp, `d${++n}`);

const withoutIds = (campaigns: Campaign[]) =>
  campaigns.map(({ id, createdAt, updatedAt, ...rest }) => rest).sort((a, b) => a.slug.localeCompare(b.slug));

function spanishOnlyDraft() {
  const draft = sampleCampaignInput({ slug: 'borrador', status: 'draft', defaultLanguage: 'es', goal: null });
  delete draft.content.en;
  draft.content.es!.body = 'Texto con `código`, --- rayas\n\n---\n\ny una línea que parece front matter.';
  return draft;
}

/** A folder with one valid campaign, ready for a test to break. */
function writeValidFolder(dir: string): string {
  const folder = path.join(dir, 'fund-legal-aid');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'campaign.yaml'),
    [
      'status: live',
      'date: 2026-11-02',
      'targets: [senators, representative]',
      'customTargets:',
      '  - name: City Hall',
      '    phone: 415-555-0100',
      '    contactUrl: https://example.org/contact',
      'tags: [courts]',
      'embedEnabled: false',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(folder, 'en.md'),
    [
      '---',
      'title: Fund legal aid',
      'callScript: |',
      '  Hello, I am [name].',
      '  I live in [city].',
      '---',
      'Body.',
      '',
    ].join('\n'),
  );
  return folder;
}

testEachDialect('export then import into another store gives the same campaigns', async (store) => {
  await insertCampaign(store.handle.db, sampleCampaignInput());
  await insertCampaign(store.handle.db, demoCampaign('2026-11-28'));
  await insertCampaign(store.handle.db, spanishOnlyDraft());
  const dir = freshDir();
  assert.deepEqual((await exportCampaigns(store.handle.db, dir)).sort(), [
    'borrador',
    'fund-legal-aid',
    'protect-asylum',
  ]);

  const other = await createTestStore(store.handle.dialect);
  try {
    const result = await importCampaigns(other.handle.db, dir, clock);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.created.sort(), ['borrador', 'fund-legal-aid', 'protect-asylum']);
    assert.deepEqual(
      withoutIds(await listCampaigns(other.handle.db)),
      withoutIds(await listCampaigns(store.handle.db)),
    );
  } finally {
    await other.dispose();
  }
});

testEachDialect('importing again updates campaigns in place', async (store) => {
  await insertCampaign(store.handle.db, sampleCampaignInput());
  const dir = freshDir();
  await exportCampaigns(store.handle.db, dir);
  const file = path.join(dir, 'fund-legal-aid', 'campaign.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('goal: 500', 'goal: 750'));
  const result = await importCampaigns(store.handle.db, dir, clock);
  assert.deepEqual([result.created, result.updated], [[], ['fund-legal-aid']]);
  const [campaign] = await listCampaigns(store.handle.db);
  assert.equal(campaign?.goal, 750);
  assert.equal(await countCampaigns(store.handle.db), 1);
});

test('the exported layout is one folder per slug with settings and one Markdown file per language', async () => {
  const store = await createTestStore('sqlite');
  try {
    await insertCampaign(store.handle.db, demoCampaign('2026-11-28'));
    const dir = freshDir();
    await exportCampaigns(store.handle.db, dir);
    const settings = readFileSync(path.join(dir, 'protect-asylum', 'campaign.yaml'), 'utf8');
    assert.match(settings, /^status: live$/m);
    assert.match(settings, /^date: 2026-11-28$/m);
    const es = readFileSync(path.join(dir, 'protect-asylum', 'es.md'), 'utf8');
    assert.match(es, /^---\ntitle: Defendamos el derecho al asilo\n/);
    assert.match(es, /^callScript: \|-?\n {2}Hola, me llamo \[nombre\]\./m);
    assert.match(es, /\n---\nHay propuestas en Washington/);
  } finally {
    await store.dispose();
  }
});

testEachDialect('a bad file is reported as file:line and nothing is imported', async (store) => {
  const dir = freshDir();
  writeValidFolder(dir);
  const bad = path.join(dir, 'second');
  mkdirSync(bad);
  writeFileSync(path.join(bad, 'campaign.yaml'), 'status: live\ndate: 2026-11-02\ntargets: [senators\n');
  writeFileSync(path.join(bad, 'en.md'), '---\ntitle: x\nmessage: hi\n---\n');
  const result = await importCampaigns(store.handle.db, dir, clock);
  assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
  assert.equal(result.problems[0]?.file, path.join(bad, 'campaign.yaml'));
  assert.equal(result.problems[0]?.line, 4);
  assert.equal(await countCampaigns(store.handle.db), 0, 'the valid campaign was not written either');
});

testEachDialect('a write that fails midway leaves no campaign behind', async (store) => {
  const { db, dialect } = store.handle;
  // The store refuses the second campaign's insert, after the first has been written.
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER refuse BEFORE INSERT ON campaigns WHEN NEW.slug = 'second' BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.slug = 'second' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(
      db,
    );
    await sql`CREATE TRIGGER refuse BEFORE INSERT ON campaigns FOR EACH ROW EXECUTE FUNCTION refuse()`.execute(db);
  }
  const dir = freshDir();
  await insertCampaign(db, sampleCampaignInput({ slug: 'first' }));
  await insertCampaign(db, sampleCampaignInput({ slug: 'a-kept' }));
  await exportCampaigns(db, dir);
  await sql`DELETE FROM campaigns WHERE slug = 'first'`.execute(db);
  const second = path.join(dir, 'second');
  mkdirSync(second);
  for (const file of ['campaign.yaml', 'en.md']) {
    writeFileSync(path.join(second, file), readFileSync(path.join(dir, 'first', file), 'utf8'));
  }
  await assert.rejects(importCampaigns(db, dir, clock), /refused/);
  assert.deepEqual(
    (await listCampaigns(db)).map((c) => [c.slug, c.updatedAt === c.createdAt]),
    [['a-kept', true]],
  );
});

test('a misspelled placeholder points at its own line in the Markdown file', async () => {
  const store = await createTestStore('sqlite');
  try {
    const dir = freshDir();
    const folder = writeValidFolder(dir);
    const en = path.join(folder, 'en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace('[city]', '[ctiy]'));
    const { problems } = await importCampaigns(store.handle.db, dir, clock);
    assert.deepEqual(
      problems.map((p) => [p.file, p.line]),
      [[en, 5]],
    );
    assert.match(problems[0]!.message, /\[ctiy\].*Did you mean \[city\]\?/);
  } finally {
    await store.dispose();
  }
});

test('field errors point at the key, inside lists too', async () => {
  const store = await createTestStore('sqlite');
  try {
    const dir = freshDir();
    const folder = writeValidFolder(dir);
    const settings = path.join(folder, 'campaign.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8')
        .replace('https://example.org/contact', 'javascript:alert(1)')
        .replace('live', 'public'),
    );
    const { problems } = await importCampaigns(store.handle.db, dir, clock);
    assert.deepEqual(
      problems.map((p) => `${path.basename(p.file)}:${p.line}`),
      ['campaign.yaml:1', 'campaign.yaml:7'],
    );
    assert.match(problems[1]!.message, /contact URL must start with https:\/\//);
  } finally {
    await store.dispose();
  }
});

test('unknown fields, stray files, missing settings and bad folder names are refused', async () => {
  const store = await createTestStore('sqlite');
  try {
    const dir = freshDir();
    const folder = writeValidFolder(dir);
    writeFileSync(
      path.join(folder, 'campaign.yaml'),
      `${readFileSync(path.join(folder, 'campaign.yaml'), 'utf8')}tagz: [x]\n`,
    );
    writeFileSync(path.join(folder, 'fr.md'), '---\ntitle: x\n---\n');
    mkdirSync(path.join(dir, 'empty'));
    writeValidFolder(path.join(dir, 'nested'));
    const badName = path.join(dir, 'Bad Name');
    mkdirSync(badName);
    writeFileSync(
      path.join(badName, 'campaign.yaml'),
      readFileSync(path.join(folder, 'campaign.yaml'), 'utf8').replace(/tagz.*\n/, ''),
    );
    writeFileSync(path.join(badName, 'en.md'), '---\ntitle: ok\nmessage: hi [name]\n---\n');
    const { problems } = await importCampaigns(store.handle.db, dir, clock);
    const shown = problems.map((p) => `${path.relative(dir, p.file)}:${p.line}: ${p.message}`);
    assert.equal(shown.length, 4, shown.join('\n'));
    assert.match(shown[0]!, /^Bad Name:1: the folder name is the slug: Use lowercase/);
    assert.match(shown[1]!, /^empty\/campaign.yaml:1: missing/);
    assert.match(shown[2]!, /^fund-legal-aid\/fr.md:1: unknown language file/);
    assert.match(shown[3]!, /^nested\/campaign.yaml:1: missing/);
    // Once the stray file is gone, the unknown field is reported on its own line.
    rmSync(path.join(folder, 'fr.md'));
    const again = await importCampaigns(store.handle.db, dir, clock);
    assert.ok(
      again.problems.some((p) => p.line === 10 && /unknown field "tagz"/.test(p.message)),
      JSON.stringify(again.problems),
    );
  } finally {
    await store.dispose();
  }
});

test('a Markdown file without front matter says so', async () => {
  const store = await createTestStore('sqlite');
  try {
    const dir = freshDir();
    const folder = writeValidFolder(dir);
    writeFileSync(path.join(folder, 'en.md'), '# Just a body\n');
    const { problems } = await importCampaigns(store.handle.db, dir, clock);
    assert.match(problems[0]?.message ?? '', /must start with a "---" line/);
  } finally {
    await store.dispose();
  }
});

function capture() {
  const c = captureIo();
  return {
    io: c.io,
    out: {
      get stdout() {
        return c.out();
      },
      get stderr() {
        return c.err();
      },
    },
  };
}

test('voz campaigns import exits non-zero with file:line lines, and export then import succeeds', async () => {
  const config = parseConfig({ SQLITE_PATH: path.join(tmp, 'cli.sqlite') });
  const dir = freshDir();
  const folder = writeValidFolder(dir);
  writeFileSync(path.join(folder, 'campaign.yaml'), 'status: [\n');
  const bad = capture();
  assert.equal(await runCli(['campaigns', 'import', dir], { ...bad.io, config: () => config }), 1);
  assert.match(bad.out.stderr, new RegExp(`^${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/campaign.yaml:\\d+: `));
  assert.match(bad.out.stderr, /nothing was imported/);
  assert.doesNotMatch(bad.out.stderr, /at .*\.ts:\d+/);

  writeValidFolder(dir);
  const good = capture();
  assert.equal(await runCli(['campaigns', 'import', dir], { ...good.io, config: () => config }), 0);
  assert.match(good.out.stdout, /created: fund-legal-aid/);

  const exported = capture();
  const out = freshDir();
  assert.equal(await runCli(['campaigns', 'export', out], { ...exported.io, config: () => config }), 0);
  assert.match(readFileSync(path.join(out, 'fund-legal-aid', 'en.md'), 'utf8'), /Hello, I am \[name\]\./);

  const listed = capture();
  assert.equal(await runCli(['campaigns', 'list'], { ...listed.io, config: () => config }), 0);
  assert.equal(listed.out.stdout, 'fund-legal-aid\tlive\t2026-11-02\tFund legal aid\n');

  const missing = capture();
  assert.equal(
    await runCli(['campaigns', 'import', path.join(tmp, 'nope')], { ...missing.io, config: () => config }),
    2,
  );
  assert.match(missing.out.stderr, /no such folder/);
});
