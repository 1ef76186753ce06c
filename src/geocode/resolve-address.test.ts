import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fixedClock } from '../clock.ts';
import type { StateCode } from '../domain.ts';
import { silentLogger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';
import { censusGeocoder } from './census.ts';
import { LegislativeIndex, type LegislativeSeat } from './district-names.ts';
import { guardGeocoder } from './guarded-geocoder.ts';
import { nominatimGeocoder } from './nominatim.ts';
import { type AddressResolver, createResolver, lookupAddress } from './resolve-address.ts';
import { type CensusPlace, censusBody, WHITE_HOUSE } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { nominatimBody } from './testing/nominatim-fixtures.ts';
import { realDirectory, TEST_NOW } from './testing/real-directory.ts';

let census: FakeProvider;
let directory: Directory;
let seats: LegislativeSeat[];

before(async () => {
  census = await startFakeProvider('/geocoder/');
  const real = await realDirectory();
  directory = real.directory;
  seats = real.data.seats;
});
after(() => census.close());

function resolver(timeoutMs = 2000): AddressResolver {
  const geocoder = guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs }), {
    clock: fixedClock(TEST_NOW),
    logger: silentLogger,
  });
  return createResolver({ geocoder, directory, seats });
}

const seatIds = (result: LookupResult | null) => (result?.representations ?? []).map((r) => r.seat.id);
const house = (result: LookupResult | null) =>
  (result?.representations ?? []).filter((r) => r.seat.chamber === 'house').map((r) => r.seat.id);

const SACRAMENTO: CensusPlace = {
  matchedAddress: '1315 10TH ST, SACRAMENTO, CA, 95814',
  lon: -121.493,
  lat: 38.5767,
  stateFips: '06',
  state: 'CA',
  zip: '95814',
  cd: '07',
  sldu: { code: '008', name: 'State Senate District 8', basename: '8' },
  sldl: { code: '007', name: 'Assembly District 7', basename: '7' },
};

test('a California address: one representative, the state senator and the assemblymember', async () => {
  census.reply({ body: censusBody('1315 10th St, Sacramento, CA 95814', [SACRAMENTO]) });
  const answer = await resolver().lookup('1315 10th St, Sacramento, CA 95814');
  assert.equal(answer.status, 'matched');
  assert.equal(answer.matchedAddress, SACRAMENTO.matchedAddress);
  assert.equal(answer.result?.confidence, 'exact');
  assert.deepEqual(house(answer.result), ['house:ca:7']);
  const ids = seatIds(answer.result);
  assert.ok(ids.includes('sldu:ca:8') && ids.includes('sldl:ca:7'), ids.join(' '));
  assert.ok(!ids.includes('sldu:ca:7') && !ids.includes('sldl:ca:8'));
  assert.equal(ids.filter((id) => id.startsWith('senate:ca')).length, 2);
  assert.equal(answer.stateLegislators, 'matched');
});

test('a Massachusetts address: "3rd Middlesex District" is the Third Middlesex senator', async () => {
  census.reply({
    body: censusBody('x', [
      {
        matchedAddress: '77 MASSACHUSETTS AVE, CAMBRIDGE, MA, 02139',
        lon: -71.0942,
        lat: 42.3601,
        stateFips: '25',
        state: 'MA',
        zip: '02139',
        cd: '07',
        sldu: { code: '005', name: '3rd Middlesex District', basename: '3rd Middlesex' },
        sldl: { code: '025', name: '25th Middlesex District', basename: '25th Middlesex' },
      },
    ]),
  });
  const answer = await resolver().lookup('77 Massachusetts Ave, Cambridge, MA 02139');
  const ids = seatIds(answer.result);
  assert.deepEqual(house(answer.result), ['house:ma:7']);
  assert.ok(ids.includes('sldu:ma:third_middlesex'), ids.join(' '));
  assert.ok(ids.includes('sldl:ma:25th_middlesex'));
});

test('the White House: the DC delegate, no senators, the Ward 2 member and the at-large Council', async () => {
  census.reply({ body: censusBody('1600 Pennsylvania Ave NW, Washington, DC 20500', [WHITE_HOUSE]) });
  const answer = await resolver().lookup('1600 Pennsylvania Ave NW, Washington, DC 20500');
  const ids = seatIds(answer.result);
  assert.deepEqual(house(answer.result), ['house:dc:0']);
  assert.equal(ids.filter((id) => id.startsWith('senate:')).length, 0);
  assert.ok(ids.includes('legislature:dc:ward_2'), ids.join(' '));
  assert.ok(!ids.includes('legislature:dc:ward_8'));
  assert.ok(ids.includes('legislature:dc:chairman'));
  assert.ok(ids.filter((id) => id.startsWith('legislature:dc:at-large')).length >= 3);
  assert.equal(new Set(ids).size, ids.length, 'each seat once');
});

test('a district name Voz does not know is reported, and the House answer still stands', async () => {
  census.reply({
    body: censusBody('x', [{ ...SACRAMENTO, sldu: { code: '099', name: 'State Senate District 99', basename: '99' } }]),
  });
  const answer = await resolver().lookup('1315 10th St, Sacramento, CA 95814');
  assert.equal(answer.status, 'matched');
  assert.equal(answer.stateLegislators, 'partial', 'the assemblymember was found, the senator not');
  assert.deepEqual(house(answer.result), ['house:ca:7']);
  assert.ok(!seatIds(answer.result).some((id) => id.startsWith('sldu:')));
  assert.ok(seatIds(answer.result).includes('sldl:ca:7'));

  census.reply({
    body: censusBody('x', [
      {
        ...SACRAMENTO,
        sldu: { code: '099', name: 'State Senate District 99', basename: '99' },
        sldl: { code: '099', name: 'Assembly District 99', basename: '99' },
      },
    ]),
  });
  const neither = await resolver().lookup('1315 10th St, Sacramento, CA 95814');
  assert.equal(neither.stateLegislators, 'unmatched');
  assert.deepEqual(house(neither.result), ['house:ca:7']);
});

test('the geocoder down: the ZIP in the address gives its candidates, with a clear message', async () => {
  census.reply({ status: 500, body: { errors: ['Internal error'] } });
  const answer = await resolver().lookup('9500 Wilshire Blvd, Beverly Hills, CA 90210');
  assert.equal(answer.status, 'unavailable');
  assert.equal(answer.fallback, 'zip');
  assert.equal(answer.zip, '90210');
  assert.equal(answer.result?.confidence, 'zip_spans_districts');
  assert.deepEqual(answer.result?.candidates.map((c) => c.district).sort(), ['30', '32', '36']);
  assert.match(answer.message ?? '', /not available right now.*ZIP code 90210/);
  assert.equal(answer.result?.message, answer.message);
});

test('a geocoder timeout falls back the same way', async () => {
  census.reply({ body: censusBody('x', [SACRAMENTO]), delayMs: 1500 });
  const answer = await resolver(100).lookup('1 Main St, Beverly Hills, CA 90210');
  assert.equal(answer.status, 'unavailable');
  assert.equal(answer.result?.confidence, 'zip_spans_districts');
});

test('a ZIP that is not a ZCTA has no candidates to fall back on', async () => {
  census.reply({ status: 500, body: {} });
  const answer = await resolver().lookup('1600 Pennsylvania Ave NW, Washington, DC 20500');
  assert.equal(answer.status, 'unavailable');
  assert.equal(answer.fallback, null);
  assert.equal(answer.result, null);
  assert.match(answer.message ?? '', /Enter your ZIP code instead/);
});

test('no match without a ZIP: no officials, advice to add the city and ZIP', async () => {
  census.reply({ body: censusBody('x', []) });
  const answer = await resolver().lookup('1 Nowhere Lane');
  assert.equal(answer.status, 'no_match');
  assert.equal(answer.result, null);
  assert.match(answer.message ?? '', /could not find that street address/);
});

test('several matches in different districts ask the supporter to choose', async () => {
  const other = { ...SACRAMENTO, matchedAddress: '100 MAIN ST, AUBURN, CA, 95603', cd: '03', zip: '95603' };
  census.reply({ body: censusBody('x', [SACRAMENTO, other]) });
  const answer = await resolver().lookup('100 Main St, CA');
  assert.equal(answer.status, 'multiple');
  assert.deepEqual(
    answer.choices.map((c) => [c.address, c.district]),
    [
      [SACRAMENTO.matchedAddress, 'CA-7'],
      ['100 MAIN ST, AUBURN, CA, 95603', 'CA-3'],
    ],
  );
  // Each choice already carries its districts, so choosing it needs no second geocoder call.
  assert.deepEqual(answer.choices[0]?.place, { district: 'CA-7', upper: ['8'], lower: ['7'] });
  assert.deepEqual(answer.choices[1]?.place, { district: 'CA-3', upper: ['8'], lower: ['7'] });
  assert.equal(answer.fallback, 'state', 'both in California: its senators are certain');
  assert.equal(answer.result?.confidence, 'state_only');
  assert.deepEqual(house(answer.result), []);
});

test('several matches in the same districts are one answer', async () => {
  census.reply({
    body: censusBody('x', [SACRAMENTO, { ...SACRAMENTO, matchedAddress: '1315 10TH ST, SACRAMENTO, CA, 95814-4801' }]),
  });
  const answer = await resolver().lookup('1315 10th St, Sacramento, CA');
  assert.equal(answer.status, 'matched');
  assert.deepEqual(house(answer.result), ['house:ca:7']);
});

test('with address lookup turned off, the ZIP still answers', async () => {
  const answer = await lookupAddress('1 Main St, Cambridge, MA 02139', { geocoder: null, directory });
  assert.equal(answer.status, 'unavailable');
  assert.equal(answer.provider, null);
  assert.equal(answer.result?.confidence, 'zip_spans_districts');
});

test('a coordinates-only provider goes through point-in-polygon and names no state legislators', async () => {
  const osm = await startFakeProvider('/');
  try {
    osm.reply({
      body: nominatimBody([
        {
          lat: '42.8501',
          lon: '-106.3252',
          display: '200, North Center Street, Casper, Wyoming, 82601, United States',
          rank: 30,
        },
      ]),
    });
    const geocoder = guardGeocoder(
      nominatimGeocoder({ baseUrl: osm.baseUrl, timeoutMs: 2000, userAgent: 'Voz/test', minIntervalMs: 0 }),
      { clock: fixedClock(TEST_NOW), logger: silentLogger },
    );
    const answer = await createResolver({ geocoder, directory, seats }).lookup('200 N Center St, Casper, WY 82601');
    assert.equal(answer.status, 'matched');
    assert.equal(answer.result?.confidence, 'exact');
    assert.deepEqual(house(answer.result), ['house:wy:0']);
    assert.equal(answer.stateLegislators, 'not_provided');
    assert.match(answer.message ?? '', /state legislators could not be found/i);
  } finally {
    await osm.close();
  }
});

test('a match gives pages a place without the address, and the place gives back the same legislators', async () => {
  census.reply({ body: censusBody('x', [SACRAMENTO]) });
  const r = resolver();
  const answer = await r.lookup('1315 10th St, Sacramento, CA 95814');
  assert.deepEqual(answer.place, { district: 'CA-7', upper: ['8'], lower: ['7'] });
  const again = r.withLegislators(directory.lookupDistrict(answer.place!.district), answer.place!);
  assert.deepEqual(seatIds(again).sort(), seatIds(answer.result).sort());

  census.reply({ body: censusBody('x', [WHITE_HOUSE]) });
  const dc = await r.lookup('1600 Pennsylvania Ave NW, Washington, DC 20500');
  assert.deepEqual(dc.place, { district: 'DC-0', upper: ['Ward 2'], lower: [] });
  const dcAgain = r.withLegislators(directory.lookupDistrict('DC-0'), dc.place!);
  assert.ok(seatIds(dcAgain).includes('legislature:dc:ward_2'));
  assert.ok(
    !seatIds(r.withLegislators(directory.lookupDistrict('DC-0'), { upper: ['Ward 99'], lower: [] })).some((id) =>
      id.startsWith('legislature:'),
    ),
  );
});

test('real Open States seats: every member of a multi-member district, and at-large seats', () => {
  const index = new LegislativeIndex(seats);
  const seatsOf = (state: StateCode, chamber: 'upper' | 'lower', name: string) => {
    const m = index.match(state, chamber, [{ code: null, names: [name] }]);
    return m.status === 'matched' ? m.seatIds : [];
  };
  const nh = seatsOf('NH', 'lower', 'Rockingham 13');
  assert.ok(nh.length > 1 && nh.every((id) => id.startsWith('sldl:nh:rockingham_13')), nh.join(' '));
  assert.ok(seatsOf('VT', 'upper', 'Chittenden-Southeast').length > 1);
  const pr = seatsOf('PR', 'upper', 'Senatorial District 3');
  assert.ok(pr.some((id) => id.startsWith('sldu:pr:3')) && pr.some((id) => id.startsWith('sldu:pr:at-large')));
  assert.deepEqual(seatsOf('NE', 'upper', 'Legislative District 12'), ['legislature:ne:12']);
  assert.deepEqual(seatsOf('MN', 'lower', '05A'), ['sldl:mn:5a']);
});

test('no House district from the provider: point-in-polygon decides it, legislators still matched', async () => {
  const provider = {
    name: 'geocodio' as const,
    geocode: async () => ({
      kind: 'match' as const,
      match: {
        matchedAddress: '200 N Center St, Casper, WY 82601',
        lat: 42.8501,
        lon: -106.3252,
        state: 'WY' as const,
        zip: '82601',
        congressionalDistrict: null,
        upper: [{ code: '29', names: ['State Senate District 29', '29'] }],
        lower: null,
      },
    }),
  };
  const geocoder = guardGeocoder(provider, { clock: fixedClock(TEST_NOW), logger: silentLogger });
  const answer = await createResolver({ geocoder, directory, seats }).lookup('200 N Center St, Casper, WY 82601');
  assert.equal(answer.result?.confidence, 'exact');
  assert.deepEqual(house(answer.result), ['house:wy:0']);
  assert.ok(seatIds(answer.result).includes('sldu:wy:29'), seatIds(answer.result).join(' '));
  assert.deepEqual(answer.place, { district: 'WY-0', upper: ['29'], lower: [] });
});
