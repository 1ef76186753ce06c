import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp, type VozApp } from '../app.ts';
import { insertCampaign } from '../campaigns/campaign-repository.ts';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { createLogger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import { cardAnchor } from '../web/pages/official-card.tsx';
import { getPage, pagesCampaign } from '../web/testing/app.ts';
import { censusGeocoder } from './census.ts';
import { guardGeocoder } from './guarded-geocoder.ts';
import { ADDRESS_PRIVACY } from './messages.ts';
import { createResolver } from './resolve-address.ts';
import { type CensusPlace, censusBody, EXETER } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { realDirectory, TEST_NOW } from './testing/real-directory.ts';

/**
 * The supporter's path on the pages: a ZIP split between districts offers "enter your street
 * address"; the address (POSTed, never in a URL) settles the House district and the state
 * legislators. The geocoder is a local server speaking the Census Geocoder's wire format.
 */
let census: FakeProvider;
let store: TestStore;
let voz: VozApp;
let directory: Directory;
const logLines: string[] = [];

export const BEVERLY_HILLS: CensusPlace = {
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

before(async () => {
  census = await startFakeProvider('/geocoder/');
  const real = await realDirectory();
  directory = real.directory;
  const clock = fixedClock(TEST_NOW);
  const logger = createLogger('debug', (line) => logLines.push(line));
  const geocoder = guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: 300 }), {
    clock,
    logger,
    breaker: { failureThreshold: 100, cooldownMs: 1000 },
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
    logger,
    geocoder: createResolver({ geocoder, directory, seats: real.data.seats }),
  });
});
after(async () => {
  await census.close();
  await voz?.close();
  await store?.dispose();
});

async function postAddress(address: string, zip: string | null, lang?: string) {
  const page = await getPage(voz.app, `/c/protect-asylum/officials?zip=90210${lang ? `&lang=${lang}` : ''}`);
  const body = new URLSearchParams({ _csrf: page.token ?? '', address, ...(zip ? { zip } : {}) });
  if (lang) body.set('lang', lang);
  const res = await voz.app.request(`/c/protect-asylum/address${lang ? `?lang=${lang}` : ''}`, {
    method: 'POST',
    headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { res, html: res.status === 303 ? '' : await res.text() };
}

const nameOf = (seatId: string) => directory.findRepresentation(seatId)?.official?.name ?? `(vacant ${seatId})`;

test('a split ZIP offers the street address form, with the privacy sentence', async () => {
  const { res, html } = await getPage(voz.app, '/c/protect-asylum/officials?zip=90210');
  assert.equal(res.status, 200);
  assert.match(html, /<form method="post" action="\/c\/protect-asylum\/address"/);
  assert.match(html, /autocomplete="street-address"/);
  assert.ok(html.includes(ADDRESS_PRIVACY.en));
  assert.match(html, /name="zip" value="90210"/);
  const es = await getPage(voz.app, '/c/protect-asylum/officials?zip=90210&lang=es');
  assert.ok(es.html.includes(ADDRESS_PRIVACY.es));
});

test('the address settles it: a link with the districts only, then one representative and the state legislators', async () => {
  census.reply({ body: censusBody('x', [BEVERLY_HILLS]) });
  const { res } = await postAddress('9500 Wilshire Blvd, Beverly Hills', '90210');
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.doesNotMatch(location, /wilshire|beverly/i, 'the address is not in the URL');
  const url = new URL(location, 'http://voz.test');
  assert.equal(url.searchParams.get('district'), 'CA-36');
  assert.equal(url.searchParams.get('sldu'), '24');
  assert.equal(url.searchParams.get('sldl'), '51');
  assert.equal(census.requests.at(-1)?.url.searchParams.get('address'), '9500 Wilshire Blvd, Beverly Hills, 90210');

  const { html } = await getPage(voz.app, location);
  const cards = [...html.matchAll(/<li class="card" id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(
    cards.filter((id) => id?.startsWith('t-house-')),
    [cardAnchor('house:ca:36')],
  );
  assert.ok(cards.includes(cardAnchor('sldu:ca:24')), cards.join(' '));
  assert.ok(cards.includes(cardAnchor('sldl:ca:51')));
  assert.equal(cards.filter((id) => id?.startsWith('t-sldu-') || id?.startsWith('t-sldl-')).length, 2);
  assert.ok(html.includes(nameOf('sldu:ca:24')));
  assert.ok(!html.includes(nameOf('house:ca:30')) && !html.includes(nameOf('house:ca:32')));
});

test('several districts in one chamber ride along as repeated parameters, through an outcome report too', async () => {
  const exeter = EXETER;
  census.reply({ body: censusBody('x', [exeter]) });
  const { res } = await postAddress('10 Front St, Exeter, NH', '03833');
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.deepEqual(new URL(location, 'http://voz.test').searchParams.getAll('sldl'), [
    'Rockingham 13',
    'Rockingham 37',
  ]);
  const page = await getPage(voz.app, location);
  const cards = [...page.html.matchAll(/<li class="card" id="([^"]+)"/g)].map((m) => m[1] ?? '');
  assert.ok(cards.includes(cardAnchor('sldl:nh:rockingham_37')), cards.join(' '));
  assert.ok(cards.some((id) => id.startsWith(cardAnchor('sldl:nh:rockingham_13:1'))));

  const form =
    /<form class="outcome" method="post" action="\/c\/protect-asylum\/outcomes"[\s\S]*?<\/form>/.exec(page.html)?.[0] ??
    '';
  const fields = new URLSearchParams();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields.append(m[1]!, m[2]!.replaceAll('&amp;', '&'));
  }
  assert.deepEqual(fields.getAll('sldl'), ['Rockingham 13', 'Rockingham 37'], 'the outcome form carries both');
  fields.set('result', 'contacted.call');
  const reported = await voz.app.request('/c/protect-asylum/outcomes', {
    method: 'POST',
    headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: fields,
  });
  assert.equal(reported.status, 303);
  const back = new URL(reported.headers.get('location') ?? '', 'http://voz.test');
  assert.deepEqual(back.searchParams.getAll('sldl'), ['Rockingham 13', 'Rockingham 37']);
});

test('the geocoder down: the ZIP candidates again with the reason, and the campaign keeps working', async () => {
  census.reply({ status: 500, body: { errors: ['Internal error'] } });
  const { res, html } = await postAddress('9500 Wilshire Blvd', '90210');
  assert.equal(res.status, 200);
  assert.match(html, /Address lookup is not available right now/);
  assert.match(html, /district=CA-30/);
  assert.match(html, /district=CA-36/);
  const es = await postAddress('9500 Wilshire Blvd', '90210', 'es');
  assert.match(es.html, /no está disponible en este momento/);
});

test('an address that found nothing comes back typed, focused, to be corrected', async () => {
  census.reply({ body: censusBody('9999 Nowhere Ln', []) });
  const { res, html } = await postAddress('9999 Nowhere Ln <b>', '90210');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  assert.match(html, /id="street-address"[^>]*value="9999 Nowhere Ln &lt;b&gt;"[^>]*autofocus/);
  // A first visit to the form has neither.
  const { html: fresh } = await getPage(voz.app, '/c/protect-asylum/officials?zip=90210');
  assert.doesNotMatch(fresh, /id="street-address"[^>]*(value=|autofocus)/);
});

test('several matches are offered as links to their districts: choosing one asks the geocoder nothing', async () => {
  const other = { ...BEVERLY_HILLS, matchedAddress: '9500 WILSHIRE BLVD, LOS ANGELES, CA, 90210', cd: '32' };
  census.reply({ body: censusBody('x', [BEVERLY_HILLS, other]) });
  const { html } = await postAddress('9500 Wilshire Blvd', '90210');
  assert.match(html, /matches more than one place/);
  assert.match(html, /9500 WILSHIRE BLVD, LOS ANGELES, CA, 90210 \(CA-32\)/);
  assert.doesNotMatch(html, /name="address" value="9500 WILSHIRE/, 'no form posts the address back');
  // The ZIP's own candidates link to CA-32 too; the address's choice also names its legislative districts.
  const link = /<a href="([^"]*district=CA-32&amp;sldu=[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(link, 'a link to CA-32');
  const url = new URL(link, 'http://voz.test');
  assert.equal(url.pathname, '/c/protect-asylum/officials');
  assert.deepEqual(url.searchParams.getAll('sldu'), ['24']);
  assert.deepEqual(url.searchParams.getAll('sldl'), ['51']);
  assert.doesNotMatch(link, /wilshire/i, 'the address is not in the link');
  const asked = census.requests.length;
  const chosen = await getPage(voz.app, link);
  const cards = [...chosen.html.matchAll(/<li class="card" id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(
    cards.filter((id) => id?.startsWith('t-house-')),
    [cardAnchor('house:ca:32')],
  );
  assert.ok(cards.includes(cardAnchor('sldu:ca:24')));
  assert.equal(census.requests.length, asked, 'no second geocoder call');
});

test('an address near a district line: the candidates with a notice that says why', async () => {
  const airport: CensusPlace = {
    ...BEVERLY_HILLS,
    matchedAddress: '2401 SMITH BLVD, ARLINGTON, VA, 22202',
    lat: 38.8512,
    lon: -77.0402,
    stateFips: '51',
    state: 'VA',
    zip: '22202',
  };
  census.reply({ body: censusBody('x', [airport], { districtLayers: false }) });
  const { res, html } = await postAddress('2401 Smith Blvd, Arlington, VA', '22202');
  assert.equal(res.status, 200);
  assert.match(html, /<p class="notice" role="status">That address is close to a district boundary/);
  assert.match(html, /district=DC-0/);
  assert.match(html, /district=VA-8/);
  census.reply({ body: censusBody('x', [airport], { districtLayers: false }) });
  const es = await postAddress('2401 Smith Blvd, Arlington, VA', '22202', 'es');
  assert.match(es.html, /cerca del límite entre dos distritos/);
});

test('an address that is not one gets a specific message, a forged form a 403', async () => {
  const { html } = await postAddress('12', '90210');
  assert.match(html, /Enter a street address with a house number and street name/);
  const forged = await voz.app.request('/c/protect-asylum/address', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'address=1+Main+St',
  });
  assert.equal(forged.status, 403);
});

test('the addresses typed on the pages never reached the log', () => {
  const log = logLines.join('\n');
  for (const secret of ['Wilshire', 'WILSHIRE', 'Beverly', 'BEVERLY']) assert.ok(!log.includes(secret), secret);
});
