import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { geocodioGeocoder } from './geocodio.ts';
import { testFailureModes } from './testing/failure-modes.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { ARLINGTON, geocodioBody } from './testing/geocodio-fixtures.ts';
import { GeocoderError } from './types.ts';

let server: FakeProvider;
before(async () => {
  server = await startFakeProvider('/v1.12/');
});
after(() => server.close());

const client = (timeoutMs = 2000) => geocodioGeocoder({ baseUrl: server.baseUrl, apiKey: 'test-key', timeoutMs });
const QUERY = '1109 N Highland St, Arlington VA';

test('asks /geocode with q and fields=cd,stateleg; the API key goes in a header, never the URL', async () => {
  server.requests.length = 0;
  server.reply({ body: geocodioBody(QUERY, [ARLINGTON]) });
  await client().geocode(QUERY);
  const { url, headers } = server.requests[0]!;
  assert.equal(url.pathname, '/v1.12/geocode');
  assert.equal(url.searchParams.get('q'), QUERY);
  assert.equal(url.searchParams.get('fields'), 'cd,stateleg');
  assert.equal(headers.authorization, 'Bearer test-key');
  assert.equal(url.searchParams.get('api_key'), null);
  assert.doesNotMatch(url.href, /test-key/);
});

test('a rooftop match gives the House district and both legislative districts', async () => {
  server.reply({ body: geocodioBody(QUERY, [ARLINGTON]) });
  const answer = await client().geocode(QUERY);
  assert.equal(answer.kind, 'match');
  if (answer.kind !== 'match') return;
  assert.equal(answer.match.state, 'VA');
  assert.equal(answer.match.lat, 38.886665);
  assert.equal(answer.match.lon, -77.094733);
  assert.equal(answer.match.congressionalDistrict, '8');
  assert.deepEqual(answer.match.upper, [{ code: '40', names: ['State Senate District 40', '40', '40'] }]);
  assert.deepEqual(answer.match.lower, [{ code: '2', names: ['State House District 2', '2', '2'] }]);
});

test('the DC delegate district (98) is district 0', async () => {
  server.reply({
    body: geocodioBody('1600 Pennsylvania Ave', [
      { ...ARLINGTON, formatted: '1600 Pennsylvania Ave NW, Washington, DC 20500', state: 'DC', cds: [98] },
    ]),
  });
  const answer = await client().geocode('1600 Pennsylvania Ave');
  assert.equal(answer.kind === 'match' && answer.match.congressionalDistrict, '0');
});

test('an at-large state (district_number 0) is district 0, whatever its OCD id says', async () => {
  const body = geocodioBody('x', [
    { ...ARLINGTON, formatted: '109 State St, Montpelier, VT 05609', state: 'VT', zip: '05609', cds: [0] },
  ]);
  const district = body.results[0]!.fields.congressional_districts[0]!;
  assert.equal(district.name, 'Congressional District (at Large)');
  assert.equal(district.ocd_id, 'ocd-division/country:us/state:vt/cd:1');
  server.reply({ body });
  const answer = await client().geocode('109 State St, Montpelier, VT');
  assert.equal(answer.kind === 'match' && answer.match.congressionalDistrict, '0');
});

test('no results, a city-level result, or a 422 are all "no match"', async () => {
  server.reply({ body: geocodioBody('zzz', []) });
  assert.deepEqual(await client().geocode('zzz'), { kind: 'no_match' });
  server.reply({ body: geocodioBody('Arlington VA', [{ ...ARLINGTON, accuracyType: 'place', cds: [8, 11] }]) });
  assert.deepEqual(await client().geocode('Arlington VA'), { kind: 'no_match' });
  server.reply({ status: 422, body: { error: 'Could not geocode address, zip code or city/state are required' } });
  assert.deepEqual(await client().geocode('Main St'), { kind: 'no_match' });
});

test('two different street-level addresses are multiple matches; duplicates of one are not', async () => {
  const other = { ...ARLINGTON, formatted: '1109 N Highland St, Arlington, TX 76011', state: 'TX', cds: [6] };
  server.reply({ body: geocodioBody('1109 N Highland St', [ARLINGTON, other]) });
  const answer = await client().geocode('1109 N Highland St');
  assert.equal(answer.kind, 'multiple');
  assert.equal(answer.kind === 'multiple' && answer.matches.length, 2);
  server.reply({
    body: geocodioBody(QUERY, [ARLINGTON, { ...ARLINGTON, accuracy: 0.9, accuracyType: 'range_interpolation' }]),
  });
  assert.equal((await client().geocode(QUERY)).kind, 'match');
});

test('a 403 (bad key or quota) is rejected without a retry', async () => {
  server.requests.length = 0;
  server.reply({ status: 403, body: { error: 'Invalid API key' } });
  await assert.rejects(client().geocode(QUERY), (err: unknown) => err instanceof GeocoderError && err.status === 403);
  assert.equal(server.requests.length, 1);
});

testFailureModes('Geocodio', { server: () => server, client, okBody: () => geocodioBody(QUERY, [ARLINGTON]) });

test('the OCD id of a named district is kept as one more name to match ("3rd middlesex")', async () => {
  server.reply({
    body: geocodioBody('x', [
      {
        ...ARLINGTON,
        state: 'MA',
        senate: [{ name: 'Third Middlesex', number: '3', ocd: 'ocd-division/country:us/state:ma/sldu:3rd_middlesex' }],
      },
    ]),
  });
  const answer = await client().geocode('77 Massachusetts Ave, Cambridge, MA');
  assert.deepEqual(answer.kind === 'match' && answer.match.upper?.[0]?.names, [
    'Third Middlesex',
    '3',
    '3rd middlesex',
  ]);
});
