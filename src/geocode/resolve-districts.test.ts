import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { silentLogger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';
import { censusGeocoder } from './census.ts';
import type { LegislativeSeat } from './district-names.ts';
import { guardGeocoder } from './guarded-geocoder.ts';
import { nominatimGeocoder } from './nominatim.ts';
import { type AddressResolver, createResolver } from './resolve-address.ts';
import { type CensusPlace, censusBody, EXETER } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { nominatimBody } from './testing/nominatim-fixtures.ts';
import { realDirectory, TEST_NOW } from './testing/real-directory.ts';

/**
 * Addresses whose districts are more than one per chamber, or not certain at all, through the
 * real directory: Idaho's lettered House seats, a New Hampshire floterial district, a point near
 * a district line from a coordinates-only provider. Providers are local servers speaking their
 * wire formats; district values are fixture values.
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

const guard = { clock: fixedClock(TEST_NOW), logger: silentLogger };
const byCensus = (): AddressResolver =>
  createResolver({
    geocoder: guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: 2000 }), guard),
    directory,
    seats,
  });
const byNominatim = (): AddressResolver =>
  createResolver({
    geocoder: guardGeocoder(
      nominatimGeocoder({ baseUrl: osm.baseUrl, timeoutMs: 2000, userAgent: 'Voz/test', minIntervalMs: 0 }),
      guard,
    ),
    directory,
    seats,
  });

const seatIds = (result: LookupResult | null) => (result?.representations ?? []).map((r) => r.seat.id).sort();
const house = (result: LookupResult | null) =>
  (result?.representations ?? []).filter((r) => r.seat.chamber === 'house').map((r) => r.seat.id);

/** The Idaho Capitol, as the Census Geocoder answers: House district "019", one number for two seats. */
const BOISE: CensusPlace = {
  matchedAddress: '700 W JEFFERSON ST, BOISE, ID, 83702',
  lon: -116.1996,
  lat: 43.6178,
  stateFips: '16',
  state: 'ID',
  zip: '83702',
  cd: '02',
  sldu: { code: '019', name: 'State Senate District 19', basename: '19' },
  sldl: { code: '019', name: 'State House District 19', basename: '19' },
};

test('Idaho: the address in district 19 has its senator and both representatives, seats A and B', async () => {
  census.reply({ body: censusBody('x', [BOISE]) });
  const r = byCensus();
  const answer = await r.lookup('700 W Jefferson St, Boise, ID 83702');
  assert.equal(answer.status, 'matched');
  assert.equal(answer.stateLegislators, 'matched');
  const ids = seatIds(answer.result);
  assert.ok(ids.includes('sldu:id:19'), ids.join(' '));
  assert.ok(ids.includes('sldl:id:19a') && ids.includes('sldl:id:19b'), ids.join(' '));
  assert.ok(!ids.some((id) => /^sldl:id:(1|9|20)[ab]$/.test(id)));
  assert.deepEqual(answer.place, { district: 'ID-2', upper: ['19'], lower: ['19A', '19B'] });
  const again = r.withLegislators(directory.lookupDistrict('ID-2'), answer.place!);
  assert.deepEqual(seatIds(again), ids, 'the page link gives back the same legislators');
});

test('New Hampshire: an address in a base and a floterial district has both districts\u2019 members', async () => {
  const exeter = EXETER;
  census.reply({ body: censusBody('x', [exeter]) });
  const r = byCensus();
  const answer = await r.lookup('10 Front St, Exeter, NH 03833');
  const ids = seatIds(answer.result);
  const r13 = ids.filter((id) => id.startsWith('sldl:nh:rockingham_13:'));
  assert.ok(r13.length > 1, ids.join(' '));
  assert.ok(ids.includes('sldl:nh:rockingham_37'), 'the floterial district\u2019s member too');
  assert.deepEqual(answer.place?.lower, ['Rockingham 13', 'Rockingham 37']);
  assert.equal(answer.stateLegislators, 'matched');
  const again = r.withLegislators(directory.lookupDistrict(answer.place!.district), answer.place!);
  assert.deepEqual(seatIds(again), ids);

  census.reply({
    body: censusBody('x', [
      { ...exeter, sldl: [exeter.sldl as never, { code: '699', name: 'Rockingham 99', basename: 'Rockingham 99' }] },
    ]),
  });
  const partly = await r.lookup('10 Front St, Exeter, NH 03833');
  assert.equal(partly.stateLegislators, 'partial', 'one district matched, one not: said so');
});

test('a coordinates-only answer near a district line is not "matched": the candidates and a true message', async () => {
  osm.reply({
    body: nominatimBody([
      {
        lat: '38.8512',
        lon: '-77.0402',
        display:
          'Ronald Reagan Washington National Airport, Smith Boulevard, Arlington, Virginia, 22202, United States',
        rank: 30,
        postcode: '22202',
        stateIso: 'US-VA',
      },
    ]),
  });
  const answer = await byNominatim().lookup('2401 Smith Blvd, Arlington, VA 22202');
  assert.equal(answer.status, 'near_boundary');
  assert.equal(answer.result?.confidence, 'near_boundary');
  assert.deepEqual(
    answer.result?.candidates.map((c) => `${c.state}-${c.district}`),
    ['DC-0', 'VA-8'],
  );
  assert.deepEqual(house(answer.result), [], 'no House member is named for an uncertain district');
  assert.equal(answer.place, null);
  assert.match(answer.message ?? '', /close to a district boundary.*Choose your district/);
  assert.equal(answer.result?.message, answer.message);
  assert.deepEqual(answer.result?.query, { kind: 'address', value: '2401 Smith Blvd, Arlington, VA 22202' });
});

test('several coordinates-only matches: each choice placed by Voz\u2019s own map carries its district', async () => {
  osm.reply({
    body: nominatimBody([
      { lat: '42.8501', lon: '-106.3252', display: '200, North Center Street, Casper, Wyoming', rank: 30 },
      { lat: '38.8512', lon: '-77.0402', display: '200, Smith Boulevard, Arlington, Virginia', rank: 30 },
    ]),
  });
  const answer = await byNominatim().lookup('200 Main St');
  assert.equal(answer.status, 'multiple');
  assert.deepEqual(
    answer.choices.map((c) => [c.district, c.place?.district ?? null]),
    [
      ['WY-AL', 'WY-0'],
      [null, null],
    ],
    'the second is near a line: it can only be chosen by its address',
  );
});
