import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nominatimGeocoder } from './nominatim.ts';
import { testFailureModes } from './testing/failure-modes.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { nominatimBody, WHITE_HOUSE_OSM } from './testing/nominatim-fixtures.ts';
import { GeocoderError } from './types.ts';

let server: FakeProvider;
before(async () => {
  server = await startFakeProvider('/');
});
after(() => server.close());

const client = (timeoutMs = 2000, minIntervalMs = 0) =>
  nominatimGeocoder({ baseUrl: server.baseUrl, timeoutMs, userAgent: 'Voz/test (+http://localhost)', minIntervalMs });

test('asks /search in jsonv2, limited to the U.S. and its territories, with an identifying User-Agent', async () => {
  server.requests.length = 0;
  server.reply({ body: nominatimBody([WHITE_HOUSE_OSM]) });
  await client().geocode('1600 Pennsylvania Ave NW, Washington, DC');
  const { url, headers } = server.requests[0]!;
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('format'), 'jsonv2');
  // OpenStreetMap files Puerto Rico, Guam, the Virgin Islands, American Samoa and the Northern
  // Mariana Islands under their own country codes.
  assert.equal(url.searchParams.get('countrycodes'), 'us,pr,gu,vi,as,mp');
  assert.equal(url.searchParams.get('q'), '1600 Pennsylvania Ave NW, Washington, DC');
  assert.equal(headers['user-agent'], 'Voz/test (+http://localhost)');
});

test('a building gives coordinates only: no districts', async () => {
  server.reply({ body: nominatimBody([WHITE_HOUSE_OSM]) });
  const answer = await client().geocode('1600 Pennsylvania Ave NW');
  assert.equal(answer.kind, 'match');
  if (answer.kind !== 'match') return;
  assert.equal(answer.match.lat, 38.8976997);
  assert.equal(answer.match.lon, -77.0365532);
  assert.equal(answer.match.zip, '20500');
  assert.equal(answer.match.congressionalDistrict, null);
  assert.equal(answer.match.upper, null);
});

test('an empty array or only a city is no match', async () => {
  server.reply({ body: [] });
  assert.deepEqual(await client().geocode('x'), { kind: 'no_match' });
  server.reply({
    body: nominatimBody([
      { lat: '38.9', lon: '-77.03', display: 'Washington, District of Columbia, United States', rank: 16 },
    ]),
  });
  assert.deepEqual(await client().geocode('Washington DC'), { kind: 'no_match' });
});

test('two streets of the same name are multiple matches', async () => {
  server.reply({
    body: nominatimBody([
      {
        lat: '39.78',
        lon: '-89.65',
        display: '100, Main Street, Springfield, Illinois, 62701, United States',
        rank: 30,
      },
      {
        lat: '42.10',
        lon: '-72.59',
        display: '100, Main Street, Springfield, Massachusetts, 01103, United States',
        rank: 30,
      },
    ]),
  });
  const answer = await client().geocode('100 Main Street, Springfield');
  assert.equal(answer.kind, 'multiple');
});

test('a Puerto Rico address is found, with its ZIP', async () => {
  server.reply({
    body: nominatimBody([
      {
        lat: '18.4655',
        lon: '-66.1057',
        display: 'La Fortaleza, 63, Calle Fortaleza, Viejo San Juan, San Juan, 00901, Puerto Rico',
        rank: 30,
        postcode: '00901',
        countryCode: 'pr',
      },
    ]),
  });
  const answer = await client().geocode('63 Calle Fortaleza, San Juan, PR 00901');
  assert.equal(answer.kind === 'match' && answer.match.zip, '00901');
});

test('calls are spaced per the usage policy; a wait past half the deadline is throttled, not sent', async () => {
  server.requests.length = 0;
  server.reply({ body: nominatimBody([WHITE_HOUSE_OSM]) });
  const spaced = client(300, 1000);
  await spaced.geocode('a');
  await assert.rejects(
    spaced.geocode('b'),
    (err: unknown) => err instanceof GeocoderError && err.failure === 'throttled',
  );
  assert.equal(server.requests.length, 1, 'the provider never saw the second request');
});

test('a wait for a slot counts against the deadline', async () => {
  server.requests.length = 0;
  // The second call waits about 450 ms for its slot, so its request has about 550 ms of the 1 s
  // deadline left: an answer 800 ms after it is sent is abandoned, though a fresh 1 s would get it.
  server.reply({ body: nominatimBody([WHITE_HOUSE_OSM]) }, { body: nominatimBody([WHITE_HOUSE_OSM]), delayMs: 800 });
  const spaced = client(1000, 450);
  await spaced.geocode('a');
  await assert.rejects(
    spaced.geocode('b'),
    (err: unknown) => err instanceof GeocoderError && err.failure === 'timeout',
  );
  await server.whenAbandoned();
});

testFailureModes('Nominatim', {
  server: () => server,
  client: (t) => client(t),
  okBody: () => nominatimBody([WHITE_HOUSE_OSM]),
});
