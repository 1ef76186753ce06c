import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp, type VozApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { createLogger } from '../log.ts';
import { lookupResultSchema } from '../officials/api-schemas.ts';
import { censusGeocoder } from './census.ts';
import { guardGeocoder } from './guarded-geocoder.ts';
import { createResolver } from './resolve-address.ts';
import { type CensusPlace, censusBody } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { realDirectory, TEST_NOW } from './testing/real-directory.ts';

/**
 * The split-ZIP path through the JSON API, with a local server speaking the Census Geocoder's
 * wire format: a ZIP that spans three districts, then the street address, then exactly one
 * representative and the right state legislators.
 */
let census: FakeProvider;
let store: TestStore;
let voz: VozApp;
const logLines: string[] = [];

/** Fixture values for an address in ZIP 90210 (which spans CA-30, CA-32 and CA-36). */
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
const ADDRESS = '9500 Wilshire Blvd, Beverly Hills, CA 90210';

before(async () => {
  census = await startFakeProvider('/geocoder/');
  const { data, directory } = await realDirectory();
  const clock = fixedClock(TEST_NOW);
  const logger = createLogger('debug', (line) => logLines.push(line));
  const config = parseConfig({ GEOCODER_URL: census.baseUrl, GEOCODER_TIMEOUT_MS: '300' });
  const geocoder = guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: 300 }), {
    clock,
    logger,
    breaker: { failureThreshold: 100, cooldownMs: 1000 },
  });
  store = await createTestStore('sqlite');
  voz = buildApp({
    config,
    db: store.handle,
    directory,
    clock,
    logger,
    geocoder: createResolver({ geocoder, directory, seats: data.seats }),
  });
});
after(async () => {
  await census.close();
  await voz?.close();
  await store?.dispose();
});

const get = (query: Record<string, string>) => voz.app.request(`/api/v1/officials?${new URLSearchParams(query)}`);

test('split ZIP, then the street address: exactly one representative and the right state legislators', async () => {
  const byZip = lookupResultSchema.parse(await (await get({ zip: '90210' })).json());
  assert.equal(byZip.confidence, 'zip_spans_districts');
  assert.equal(byZip.representations.filter((r) => r.seat.chamber === 'house').length, 0);

  census.reply({ body: censusBody(ADDRESS, [BEVERLY_HILLS]) });
  const response = await get({ address: ADDRESS });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'private, no-store');
  const answer = lookupResultSchema.parse(await response.json());
  assert.equal(answer.confidence, 'exact');
  const house = answer.representations.filter((r) => r.seat.chamber === 'house');
  assert.deepEqual(
    house.map((r) => r.seat.id),
    ['house:ca:36'],
  );
  const legislators = answer.representations.filter(
    (r) => r.seat.chamber.startsWith('state_') && r.seat.chamber !== 'state_executive',
  );
  assert.deepEqual(legislators.map((r) => r.seat.id).sort(), ['sldl:ca:51', 'sldu:ca:24']);
  assert.equal(answer.representations.filter((r) => r.seat.chamber === 'senate').length, 2);
  assert.equal(answer.address?.status, 'matched');
  assert.equal(answer.address?.matchedAddress, BEVERLY_HILLS.matchedAddress);
  assert.equal(census.requests.at(-1)?.url.searchParams.get('address'), ADDRESS);
});

test('the geocoder failing: the ZIP candidates with a message, and the campaign keeps working', async () => {
  census.reply({ status: 500, body: { errors: ['Internal error'] } });
  const response = await get({ address: ADDRESS });
  assert.equal(response.status, 200);
  const answer = lookupResultSchema.parse(await response.json());
  assert.equal(answer.confidence, 'zip_spans_districts');
  assert.equal(answer.address?.status, 'unavailable');
  assert.equal(answer.address?.fallback, 'zip');
  assert.equal(answer.candidates.length, 3);
  assert.match(answer.message ?? '', /ZIP code 90210/);
});

test('the geocoder failing and no ZIP: 503 with Retry-After, in the error shape, logged as a warning', async () => {
  census.reply({ status: 502, body: 'Bad Gateway' });
  const before = logLines.length;
  const response = await get({ address: '9500 Wilshire Blvd, Beverly Hills' });
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '30');
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'address_lookup_unavailable');
  assert.match(body.error.message, /ZIP code instead/);
  const lines = logLines.slice(before).map((l) => JSON.parse(l) as { level: string; code?: string });
  assert.ok(
    lines.some((l) => l.code === 'address_lookup_unavailable' && l.level === 'warn'),
    'the 503 is in the log, as a warning',
  );
  assert.deepEqual(
    lines.filter((l) => l.level === 'error'),
    [],
    'a provider outage is not an error in Voz',
  );
});

test('no match and no ZIP is a 404; matches in two states a 422 naming them', async () => {
  census.reply({ body: censusBody('x', []) });
  const missing = await get({ address: '1 Nowhere Lane' });
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'address_not_found');

  const oregon = {
    ...BEVERLY_HILLS,
    matchedAddress: '100 MAIN ST, SALEM, OR, 97301',
    stateFips: '41',
    state: 'OR',
    cd: '05',
  };
  census.reply({
    body: censusBody('x', [{ ...BEVERLY_HILLS, matchedAddress: '100 MAIN ST, SALEM, CA, 95000' }, oregon]),
  });
  const ambiguous = await get({ address: '100 Main St, Salem' });
  assert.equal(ambiguous.status, 422);
  const body = (await ambiguous.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'address_ambiguous');
  assert.match(body.error.message, /SALEM, OR, 97301 \(OR-5\)/);
});

test('a Census answer without its district layers near a district line: the candidates, not a guess', async () => {
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
  const response = await get({ address: '2401 Smith Blvd, Arlington, VA' });
  assert.equal(response.status, 200);
  const answer = lookupResultSchema.parse(await response.json());
  assert.equal(answer.confidence, 'near_boundary');
  assert.equal(answer.address?.status, 'near_boundary');
  assert.deepEqual(
    answer.candidates.map((c) => `${c.state}-${c.district}`),
    ['DC-0', 'VA-8'],
  );
  assert.match(answer.address?.message ?? '', /close to a district boundary/);
});

test('bad addresses get a specific 400, never a 500', async () => {
  for (const address of ['', '12345 ', 'x'.repeat(301)]) {
    const response = await get({ address });
    assert.equal(response.status, 400, JSON.stringify(address.slice(0, 10)));
    const body = (await response.json()) as { error: { code: string } };
    assert.ok(['invalid_address', 'invalid_query'].includes(body.error.code));
  }
});

test('no address reached the log', () => {
  const log = logLines.join('\n');
  assert.ok(logLines.length > 0);
  for (const secret of ['Wilshire', 'WILSHIRE', 'Beverly', 'Nowhere', 'Salem', 'SALEM']) {
    assert.ok(!log.includes(secret), `the log mentions ${secret}`);
  }
});

test('the OpenAPI document describes the address block and the 503', async () => {
  const doc = (await (await voz.app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  assert.ok(doc.components.schemas.LookupResult?.properties?.address);
  assert.ok(doc.paths['/api/v1/officials']?.get.responses['503']);
});
