import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { silentLogger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import { AnswerCache, DEFAULT_CACHE } from './cache.ts';
import { censusGeocoder } from './census.ts';
import type { LegislativeSeat } from './district-names.ts';
import { guardGeocoder } from './guarded-geocoder.ts';
import { nominatimGeocoder } from './nominatim.ts';
import { createResolver, type Remembered } from './resolve-address.ts';
import { censusBody, SACRAMENTO } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { nominatimBody } from './testing/nominatim-fixtures.ts';
import { realDirectory, TEST_NOW } from './testing/real-directory.ts';

/**
 * What Voz remembers of an address answer so a reload costs no second provider call: the
 * districts and seats, under a hash of the address, for half an hour. Never the address, the
 * provider's matched address or the point.
 */
let census: FakeProvider;
let osm: FakeProvider;
let directory: Directory;
let seats: LegislativeSeat[];

before(async () => {
  census = await startFakeProvider('/geocoder/');
  osm = await startFakeProvider('/');
  const real = await realDirectory();
  directory = real.directory;
  seats = real.data.seats;
});
after(async () => {
  await census.close();
  await osm.close();
});
beforeEach(() => {
  census.requests.length = 0;
  osm.requests.length = 0;
});

function setup(provider: 'census' | 'nominatim' = 'census') {
  const clock = fixedClock(TEST_NOW);
  const cache = new AnswerCache<Remembered>(clock, DEFAULT_CACHE);
  const client =
    provider === 'census'
      ? censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: 2000 })
      : nominatimGeocoder({ baseUrl: osm.baseUrl, timeoutMs: 2000, userAgent: 'Voz/test', minIntervalMs: 0 });
  const geocoder = guardGeocoder(client, { clock, logger: silentLogger });
  return { clock, cache, resolver: createResolver({ geocoder, directory, seats, cache }) };
}

const ADDRESS = '1315 10th St, Sacramento, CA 95814';
const seatIds = (r: { result: { representations: Array<{ seat: { id: string } }> } | null }) =>
  (r.result?.representations ?? []).map((x) => x.seat.id).sort();

test('the same address again is answered from memory, with the same officials and place', async () => {
  const { resolver } = setup();
  census.reply({ body: censusBody(ADDRESS, [SACRAMENTO]) });
  const first = await resolver.lookup(ADDRESS);
  const again = await resolver.lookup('1315 10TH ST,  SACRAMENTO, CA 95814');
  assert.equal(census.requests.length, 1, 'no second provider call');
  assert.equal(again.status, 'matched');
  assert.deepEqual(seatIds(again), seatIds(first));
  assert.deepEqual(again.place, first.place);
  assert.equal(again.stateLegislators, 'matched');
  assert.equal(first.matchedAddress, SACRAMENTO.matchedAddress);
  assert.equal(again.matchedAddress, null, 'the matched address was not kept');
});

test('memory holds district and seat ids only: no address, no matched address, no point', async () => {
  const { resolver, cache } = setup();
  census.reply({ body: censusBody(ADDRESS, [SACRAMENTO]) });
  await resolver.lookup(ADDRESS);
  const kept = JSON.stringify(cache.values());
  assert.match(kept, /ocd-division\/country:us\/state:ca\/cd:7/);
  for (const secret of ['10TH', '10th', 'Sacramento', 'SACRAMENTO', String(SACRAMENTO.lat), String(SACRAMENTO.lon)]) {
    assert.ok(!kept.includes(secret), `memory holds ${secret}`);
  }
});

test('a coordinates-only answer is remembered as its districts, not its point', async () => {
  const { resolver, cache } = setup('nominatim');
  osm.reply({
    body: nominatimBody([{ lat: '42.8501', lon: '-106.3252', display: '200, North Center Street, Casper', rank: 30 }]),
  });
  const first = await resolver.lookup('200 N Center St, Casper, WY 82601');
  const again = await resolver.lookup('200 N Center St, Casper, WY 82601');
  assert.equal(osm.requests.length, 1);
  assert.deepEqual(seatIds(again), seatIds(first));
  assert.equal(again.message, first.message, 'still says the state legislators could not be found');
  const kept = JSON.stringify(cache.values());
  assert.ok(!kept.includes('42.85') && !kept.includes('106.32'), kept);
});

test('after half an hour the provider is asked again', async () => {
  const { resolver, clock } = setup();
  census.reply({ body: censusBody(ADDRESS, [SACRAMENTO]) });
  await resolver.lookup(ADDRESS);
  clock.advance(29 * 60 * 1000);
  await resolver.lookup(ADDRESS);
  assert.equal(census.requests.length, 1);
  clock.advance(2 * 60 * 1000);
  await resolver.lookup(ADDRESS);
  assert.equal(census.requests.length, 2);
});

test('no match is remembered; an outage and a choice between places are not', async () => {
  const { resolver } = setup();
  census.reply({ body: censusBody('x', []) });
  await resolver.lookup('1 Nowhere Lane');
  assert.equal((await resolver.lookup('1 Nowhere Lane')).status, 'no_match');
  assert.equal(census.requests.length, 1);

  census.reply({ status: 500, body: {} }, { status: 500, body: {} }, { body: censusBody(ADDRESS, [SACRAMENTO]) });
  assert.equal((await resolver.lookup(ADDRESS)).status, 'unavailable');
  assert.equal((await resolver.lookup(ADDRESS)).status, 'matched', 'the outage was not remembered');

  const auburn = { ...SACRAMENTO, matchedAddress: '100 MAIN ST, AUBURN, CA, 95603', cd: '03' };
  census.requests.length = 0;
  census.reply({ body: censusBody('x', [SACRAMENTO, auburn]) });
  await resolver.lookup('100 Main St, CA');
  await resolver.lookup('100 Main St, CA');
  assert.equal(census.requests.length, 2, 'a choice between addresses is not kept');
});
