import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { buildApp, type VozApp } from '../../src/app.ts';
import { insertCampaign } from '../../src/campaigns/campaign-repository.ts';
import { fixedClock } from '../../src/clock.ts';
import { parseConfig } from '../../src/config.ts';
import { createTestStore, type TestStore } from '../../src/db/testing.ts';
import { censusGeocoder } from '../../src/geocode/census.ts';
import { guardGeocoder } from '../../src/geocode/guarded-geocoder.ts';
import { createResolver } from '../../src/geocode/resolve-address.ts';
import { type CensusPlace, censusBody } from '../../src/geocode/testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from '../../src/geocode/testing/fake-provider.ts';
import { realDirectory, TEST_NOW } from '../../src/geocode/testing/real-directory.ts';
import { silentLogger } from '../../src/log.ts';
import type { Directory } from '../../src/officials/directory.ts';
import { cardAnchor } from '../../src/web/pages/official-card.tsx';
import { pagesCampaign } from '../../src/web/testing/app.ts';

/**
 * In real Chromium: a ZIP split between three districts, then the street address, then exactly
 * one representative and the right state legislators. Voz runs on a port of its own with the
 * real officials data; the Census Geocoder is a local server speaking its wire format.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const BEVERLY_HILLS: CensusPlace = {
  matchedAddress: '9500 WILSHIRE BLVD, BEVERLY HILLS, CA, 90212',
  lon: -118.4025,
  lat: 34.0672,
  stateFips: '06',
  state: 'CA',
  zip: '90212',
  cd: '36',
  sldu: { code: '024', name: 'State Senate District 24', basename: '24' },
  sldl: { code: '051', name: 'Assembly District 51', basename: '51' },
};

let census: FakeProvider;
let store: TestStore;
let voz: VozApp;
let server: ReturnType<typeof serve>;
let origin: string;
let browser: Browser;
let directory: Directory;

before(async () => {
  census = await startFakeProvider('/geocoder/');
  const real = await realDirectory();
  directory = real.directory;
  const clock = fixedClock(TEST_NOW);
  const geocoder = guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: 2000 }), {
    clock,
    logger: silentLogger,
  });
  store = await createTestStore('sqlite');
  await insertCampaign(
    store.handle.db,
    pagesCampaign({ targets: ['senators', 'representative', 'state_legislators'], customTargets: [] }),
  );
  voz = buildApp({
    config: parseConfig({ GROUP_COMMIT_MS: '0' }),
    db: store.handle,
    directory,
    clock,
    logger: silentLogger,
    geocoder: createResolver({ geocoder, directory, seats: real.data.seats }),
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: voz.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await census?.close();
  await voz?.close();
  await store?.dispose();
});

test('split ZIP, then the street address: one representative and the right state legislators', async () => {
  census.reply({ body: censusBody('x', [BEVERLY_HILLS]) });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/c/protect-asylum/officials?zip=90210`);
  assert.match((await page.locator('h1').textContent()) ?? '', /90210/);
  assert.equal(await page.locator('ul.candidates li').count(), 3);

  for (const lang of ['es', 'en']) {
    await page.goto(`${origin}/c/protect-asylum/officials?zip=90210&lang=${lang}`);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(
      axe.violations.map((v) => v.id),
      [],
      `the page with the address form is accessible (${lang})`,
    );
  }

  await page.locator('#street-address').fill('9500 Wilshire Blvd, Beverly Hills');
  await Promise.all([
    page.waitForURL(/\/officials\?.*district=CA-36/),
    page.getByRole('button', { name: 'Find my districts' }).click(),
  ]);
  assert.doesNotMatch(page.url(), /wilshire/i);

  const cards = await page.locator('li.card').evaluateAll((els) => els.map((el) => el.id));
  assert.deepEqual(
    cards.filter((id) => id.startsWith('t-house-')),
    [cardAnchor('house:ca:36')],
  );
  const legislators = cards.filter((id) => id.startsWith('t-sldu-') || id.startsWith('t-sldl-')).sort();
  assert.deepEqual(legislators, [cardAnchor('sldl:ca:51'), cardAnchor('sldu:ca:24')].sort());
  const text = (await page.locator('main').textContent()) ?? '';
  const senator = directory.findRepresentation('sldu:ca:24')?.official?.name;
  assert.ok(senator && text.includes(senator), `the page names state senator ${senator}`);
  await context.close();
});

test('several matches: the choices page is accessible, and a choice goes straight to its districts', async () => {
  const other = { ...BEVERLY_HILLS, matchedAddress: '9500 WILSHIRE BLVD, LOS ANGELES, CA, 90210', cd: '32' };
  census.reply({ body: censusBody('x', [BEVERLY_HILLS, other]) });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/c/protect-asylum/officials?zip=90210`);
  await page.locator('#street-address').fill('9500 Wilshire Blvd');
  await Promise.all([page.waitForURL(/\/address/), page.getByRole('button', { name: 'Find my districts' }).click()]);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(
    axe.violations.map((v) => v.id),
    [],
  );
  const asked = census.requests.length;
  const choice = page.getByRole('link', { name: '9500 WILSHIRE BLVD, LOS ANGELES, CA, 90210 (CA-32)' });
  await choice.focus();
  await Promise.all([page.waitForURL(/district=CA-32.*sldl=51/), page.keyboard.press('Enter')]);
  const cards = await page.locator('li.card').evaluateAll((els) => els.map((el) => el.id));
  assert.deepEqual(
    cards.filter((id) => id.startsWith('t-house-')),
    [cardAnchor('house:ca:32')],
  );
  assert.ok(cards.includes(cardAnchor('sldl:ca:51')));
  assert.equal(census.requests.length, asked, 'choosing asked the geocoder nothing');
  await context.close();
});
