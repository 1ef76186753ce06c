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

test('asks /search in jsonv2, limited to the U.S., with an identifying User-Agent', async () => {
  server.requests.length = 0;
  server.reply({ body: nominatimBody([WHITE_HOUSE_OSM]) });
  await client().geocode('1600 Pennsylvania Ave NW, Washington, DC');
  const { url, headers } = server.requests[0]!;
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('format'), 'jsonv2');
  assert.equal(url.searchParams.get('countrycodes'), 'us');
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

test('calls are spaced per the usage policy; a queue longer than the timeout fails fast', async () => {
  server.reply({ body: nominatimBody([WHITE_HOUSE_OSM]) });
  const spaced = client(300, 1000);
  await spaced.geocode('a');
  await assert.rejects(
    spaced.geocode('b'),
    (err: unknown) => err instanceof GeocoderError && err.failure === 'unavailable',
  );
});

testFailureModes('Nominatim', {
  server: () => server,
  client: (t) => client(t),
  okBody: () => nominatimBody([WHITE_HOUSE_OSM]),
});
