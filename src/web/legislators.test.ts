import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp, type VozApp } from '../app.ts';
import { insertCampaign } from '../campaigns/campaign-repository.ts';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { censusGeocoder } from '../geocode/census.ts';
import { guardGeocoder } from '../geocode/guarded-geocoder.ts';
import { createResolver } from '../geocode/resolve-address.ts';
import { type CensusPlace, censusBody } from '../geocode/testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from '../geocode/testing/fake-provider.ts';
import { realDirectory, TEST_NOW } from '../geocode/testing/real-directory.ts';
import { silentLogger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import { getPage, pagesCampaign } from './testing/app.ts';

/**
 * A campaign to the governor and the state legislators: a ZIP never names state legislative
 * districts, so the page says why the legislators are missing and offers the street address,
 * which the geocoder (a local server speaking the Census Geocoder's wire format) resolves.
 */
let census: FakeProvider;
let store: TestStore;
let voz: VozApp;
let directory: Directory;

const MISSION: CensusPlace = {
  matchedAddress: '2200 MISSION ST, SAN FRANCISCO, CA, 94110',
  lon: -122.4193,
  lat: 37.7626,
  stateFips: '06',
  state: 'CA',
  zip: '94110',
  cd: '11',
  sldu: { code: '011', name: 'State Senate District 11', basename: '11' },
  sldl: { code: '017', name: 'Assembly District 17', basename: '17' },
};

before(async () => {
  census = await startFakeProvider('/geocoder/');
  const real = await realDirectory();
  directory = real.directory;
  const clock = fixedClock(TEST_NOW);
  const geocoder = guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: 300 }), {
    clock,
    logger: silentLogger,
    breaker: { failureThreshold: 100, cooldownMs: 1000 },
  });
  store = await createTestStore('sqlite');
  await insertCampaign(
    store.handle.db,
    pagesCampaign({ slug: 'state-house', targets: ['governor', 'state_legislators'], customTargets: [] }),
  );
  voz = buildApp({
    config: parseConfig({ GROUP_COMMIT_MS: '0' }),
    db: store.handle,
    directory,
    clock,
    logger: silentLogger,
    geocoder: createResolver({ geocoder, directory, seats: real.data.seats }),
  });
});
after(async () => {
  await census.close();
  await voz?.close();
  await store?.dispose();
});

async function postAddress(place: CensusPlace) {
  census.reply({ body: censusBody('x', [place]) });
  const page = await getPage(voz.app, '/c/state-house/officials?zip=94110');
  return voz.app.request('/c/state-house/address', {
    method: 'POST',
    headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: page.token ?? '', address: '2200 Mission St', zip: '94110' }),
  });
}

const legislatorCards = (html: string) =>
  [...html.matchAll(/<li class="card" id="(t-sld[ul]-[^"]+)"/g)].map((m) => m[1]);

test('a ZIP shows the governor, says why the state legislators are missing, and offers the address', async () => {
  const { res, html } = await getPage(voz.app, '/c/state-house/officials?zip=94110');
  assert.equal(res.status, 200);
  assert.ok(html.includes(directory.findRepresentation('governor:ca')?.official?.name ?? '(none)'));
  assert.deepEqual(legislatorCards(html), []);
  assert.match(html, /Your state legislators are not listed yet: a ZIP code does not tell us/);
  assert.match(html, /<a href="#address">Enter your street address<\/a>/);
  assert.match(html, /<form method="post" action="\/c\/state-house\/address"/);
  assert.match(html, /It also finds your state legislators, which a ZIP code cannot\./);
  const es = await getPage(voz.app, '/c/state-house/officials?zip=94110&lang=es');
  assert.match(es.html, /Sus legisladores estatales todavía no aparecen/);
  assert.match(es.html, /También permite encontrar a sus legisladores estatales/);
});

test('the address adds them, and the notice goes', async () => {
  const res = await postAddress(MISSION);
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.doesNotMatch(location, /sl=none|mission/i);
  const { html } = await getPage(voz.app, location);
  assert.equal(legislatorCards(html).length, 2, location);
  assert.doesNotMatch(html, /legislators are not listed/);
});

test('an address that gives no state legislative districts says so, without asking again', async () => {
  const res = await postAddress({ ...MISSION, sldu: null, sldl: null });
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.match(location, /[?&]sl=none/);
  const { html } = await getPage(voz.app, location);
  assert.deepEqual(legislatorCards(html), []);
  assert.match(html, /we could not find your state legislative districts from your street address/);
  assert.doesNotMatch(html, /action="\/c\/state-house\/address"/);
  // Reporting an outcome keeps that knowledge in the next link.
  assert.match(html, /name="sl" value="none"/);
});

test('a campaign to the governor reaches DC’s Mayor, the District’s chief executive', async () => {
  const { res, html } = await getPage(voz.app, '/c/state-house/officials?zip=20001');
  assert.equal(res.status, 200);
  const mayor = directory.findRepresentation('governor:dc');
  assert.equal(mayor?.seat.role, 'mayor');
  assert.match(html, /<li class="card[^"]*" id="t-governor-dc"/);
  // The data's last Mayor's term ended before it was published: the card names the office and its phone.
  const card = html.slice(html.indexOf('id="t-governor-dc"'));
  if (mayor?.official) assert.ok(card.includes(mayor.official.name));
  else assert.match(card, /^id="t-governor-dc"><h3>Mayor: current holder not in our data<\/h3>/);
});

test('a governor whose recorded end is a placeholder is "may be out of date", not "term has ended"', async () => {
  const newsom = directory.findRepresentation('governor:ca');
  assert.equal(newsom?.mayBeOutOfDate, true, 'the record’s 2026-01-01 is past at the test’s date');
  const { html } = await getPage(voz.app, '/c/state-house/officials?zip=94110');
  const start = html.indexOf('id="t-governor-ca"');
  const card = html.slice(start, html.indexOf('</li>', start));
  assert.match(card, /<p class="notice">Our data may be out of date for this office/);
  assert.doesNotMatch(card, /this term has ended/);
});
