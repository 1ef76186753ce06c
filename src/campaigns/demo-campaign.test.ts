import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { testEachDialect } from '../db/testing.ts';
import { silentLogger } from '../log.ts';
import { prepareStore } from '../prepare-store.ts';
import { parseCampaignInput } from './campaign-input.ts';
import { countCampaigns, insertCampaign } from './campaign-repository.ts';
import { deleteCampaign, findPublicCampaign, listAllCampaigns, updateCampaign } from './campaigns.ts';
import { DEMO_SLUG, demoCampaign, seedDemoCampaign } from './demo-campaign.ts';
import { sampleCampaignInput } from './fixtures.ts';
import { officialTemplateValues } from './official-titles.ts';
import { parseTemplate, renderTemplate } from './templates.ts';

const clock = fixedClock('2026-11-28T09:00:00Z');

test('the demo campaign passes the editor’s own validation', () => {
  const result = parseCampaignInput(demoCampaign('2026-11-28'));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
});

test('the demo addresses the President, both senators and the representative, in English and Spanish', () => {
  const demo = demoCampaign('2026-11-28');
  assert.deepEqual(demo.targets, ['president', 'senators', 'representative']);
  assert.deepEqual(Object.keys(demo.content), ['en', 'es']);
});

test('the demo scripts use the seed placeholders and fill completely in both languages', () => {
  const demo = demoCampaign('2026-11-28');
  const supporter = { name: 'Ana', 'title or role': 'director', organization: 'Casa', community: 'farmworkers' };
  const senator = { name: 'Patty Murray', role: 'senator' as const, gender: 'F' as const, title: 'Senator' };
  for (const lang of ['en', 'es'] as const) {
    for (const field of ['callScript', 'message'] as const) {
      const parsed = parseTemplate(demo.content[lang]![field]);
      assert.ok(parsed.ok);
      for (const key of ['name', 'title or role', 'organization', 'community'] as const) {
        assert.ok(parsed.template.keys.includes(key), `${lang} ${field} uses [${key}]`);
      }
      const text = renderTemplate(parsed.template, { ...supporter, ...officialTemplateValues(senator, lang) });
      assert.doesNotMatch(text, /\[/, `${lang} ${field} is fully filled`);
    }
  }
  const es = parseTemplate(demo.content.es!.callScript);
  assert.ok(es.ok);
  assert.match(
    renderTemplate(es.template, officialTemplateValues(senator, 'es')!),
    /Llamo a la oficina de la senadora Patty Murray/,
  );
});

testEachDialect('a fresh store gets the live demo campaign once', async ({ handle }) => {
  assert.equal(await seedDemoCampaign(handle.db, clock), 'seeded');
  assert.equal(await seedDemoCampaign(handle.db, clock), 'not-needed');
  const demo = await findPublicCampaign(handle.db, DEMO_SLUG);
  assert.equal(demo?.status, 'live');
  assert.equal(demo?.date, '2026-11-28');
  assert.equal(await countCampaigns(handle.db), 1);
});

testEachDialect('a deleted demo campaign is not re-created', async ({ handle }) => {
  await seedDemoCampaign(handle.db, clock);
  const [demo] = await listAllCampaigns(handle.db);
  assert.ok(demo);
  await deleteCampaign(handle.db, demo.id);
  assert.equal(await seedDemoCampaign(handle.db, clock), 'not-needed');
  assert.equal(await countCampaigns(handle.db), 0);
});

testEachDialect('an edited demo campaign is left as the organizer left it', async ({ handle }) => {
  await seedDemoCampaign(handle.db, clock);
  const [demo] = await listAllCampaigns(handle.db);
  assert.ok(demo);
  const edited = await updateCampaign(handle.db, demo.id, { ...demo, slug: 'our-asylum-campaign', goal: 50 }, clock);
  assert.ok(edited?.ok);
  await seedDemoCampaign(handle.db, clock);
  assert.deepEqual(
    (await listAllCampaigns(handle.db)).map((c) => [c.slug, c.goal]),
    [['our-asylum-campaign', 50]],
  );
});

testEachDialect('a store that already has campaigns gets no demo', async ({ handle }) => {
  await insertCampaign(handle.db, sampleCampaignInput());
  assert.equal(await seedDemoCampaign(handle.db, clock), 'not-needed');
  assert.equal(await findPublicCampaign(handle.db, DEMO_SLUG), null);
});

testEachDialect('starting Voz twice seeds the demo once', async (store) => {
  const env =
    store.database.dialect === 'sqlite' ? { SQLITE_PATH: store.database.path } : { DATABASE_URL: store.database.url };
  const config = parseConfig(env);
  await prepareStore(config, silentLogger, clock);
  await prepareStore(config, silentLogger, clock);
  assert.deepEqual(
    (await listAllCampaigns(store.handle.db)).map((c) => c.slug),
    [DEMO_SLUG],
  );
});
