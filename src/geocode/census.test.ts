import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { createLogger } from '../log.ts';
import { censusGeocoder } from './census.ts';
import { sittingCongress } from './census-layers.ts';
import { censusBody, EXETER, SACRAMENTO, WHITE_HOUSE } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { GeocoderError } from './types.ts';

let server: FakeProvider;
before(async () => {
  server = await startFakeProvider('/geocoder/');
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = (timeoutMs = 2000) => censusGeocoder({ baseUrl: server.baseUrl, timeoutMs });
const at = (date: string, logger = createLogger('silent')) =>
  censusGeocoder({ baseUrl: server.baseUrl, timeoutMs: 2000, clock: fixedClock(date), logger });
const matchOf = async (geocoder: ReturnType<typeof client>, address = ADDRESS) => {
  const answer = await geocoder.geocode(address);
  assert.equal(answer.kind, 'match');
  return answer.kind === 'match' ? answer.match : null;
};
const ADDRESS = '1600 Pennsylvania Ave NW, Washington, DC 20500';

test('asks geographies/onelineaddress with the current benchmark and vintage, and every layer', async () => {
  server.reply({ body: censusBody(ADDRESS, [WHITE_HOUSE]) });
  await client().geocode(ADDRESS);
  const [request] = server.requests;
  assert.equal(request?.url.pathname, '/geocoder/geographies/onelineaddress');
  const params = request!.url.searchParams;
  assert.equal(params.get('address'), ADDRESS);
  assert.equal(params.get('benchmark'), 'Public_AR_Current');
  assert.equal(params.get('vintage'), 'Current_Current');
  assert.equal(params.get('format'), 'json');
  // Layer ids and names both change between TIGERweb vintages; "all" cannot go stale.
  assert.equal(params.get('layers'), 'all');
});

test('the next Congress and redistricting year are read by their names: "120th", "2026"', async () => {
  server.reply({ body: censusBody('x', [SACRAMENTO], { congresses: [120], sldYear: 2026 }) });
  const match = await matchOf(at('2027-02-01T12:00:00Z'), '1315 10th St, Sacramento, CA');
  assert.equal(match?.congressionalDistrict, '7');
  assert.deepEqual(match?.upper?.[0]?.names, ['State Senate District 8', '8']);
  assert.equal(match?.lower?.[0]?.code, '007');
});

test('with two Congresses offered, the one sitting today: the 119th until 3 January 2027', async () => {
  const both = censusBody('x', [SACRAMENTO], { congresses: [119, 120] });
  const field = (m: { congressionalDistrict: string | null } | null) => m?.congressionalDistrict;
  // The two layers differ only in the district field's name (CD119, CD120); make them disagree.
  const match = both.result.addressMatches[0]!;
  const rows = match.geographies['120th Congressional Districts'] as Array<Record<string, unknown>>;
  rows[0]!.CD120 = '09';
  server.reply({ body: both });
  assert.equal(field(await matchOf(at('2026-11-28T12:00:00Z'))), '7');
  assert.equal(field(await matchOf(at('2027-01-02T12:00:00Z'))), '7');
  assert.equal(field(await matchOf(at('2027-01-03T12:00:00Z'))), '9');
  assert.equal(sittingCongress(new Date('2025-01-02T00:00:00Z')), 118);
  assert.equal(sittingCongress(new Date('2025-01-03T00:00:00Z')), 119);
});

test('a match without the district layers: no districts, and one warning however many lookups', async () => {
  const lines: string[] = [];
  const geocoder = at(
    '2026-11-28T12:00:00Z',
    createLogger('debug', (line) => lines.push(line)),
  );
  server.reply({ body: censusBody(ADDRESS, [WHITE_HOUSE], { districtLayers: false }) });
  const match = await matchOf(geocoder);
  assert.equal(match?.state, 'DC', 'the state still comes from the address');
  assert.equal(match?.congressionalDistrict, null);
  assert.equal(match?.upper, null);
  assert.equal(match?.lower, null);
  await geocoder.geocode(ADDRESS);
  const warnings = lines.map((l) => JSON.parse(l) as { level: string; msg: string; missing?: string });
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.level, 'warn');
  assert.equal(warnings[0]?.missing, 'congressional districts, state legislative districts');
  assert.doesNotMatch(lines.join('\n'), /Pennsylvania|PENNSYLVANIA/);
});

test('every district row is kept: a New Hampshire address in a base and a floterial district', async () => {
  const nh = EXETER;
  server.reply({ body: censusBody('x', [nh]) });
  const match = await matchOf(client(), '10 Front St, Exeter, NH');
  assert.deepEqual(
    match?.lower?.map((d) => d.code),
    ['613', '637'],
  );
});

test('a match gives coordinates, state, the delegate district as 0 and the ward', async () => {
  server.reply({ body: censusBody(ADDRESS, [WHITE_HOUSE]) });
  const answer = await client().geocode(ADDRESS);
  assert.equal(answer.kind, 'match');
  if (answer.kind !== 'match') return;
  assert.equal(answer.match.matchedAddress, WHITE_HOUSE.matchedAddress);
  assert.equal(answer.match.lat, 38.898754);
  assert.equal(answer.match.lon, -77.03535);
  assert.equal(answer.match.state, 'DC');
  assert.equal(answer.match.zip, '20500');
  assert.equal(answer.match.congressionalDistrict, '0');
  assert.deepEqual(answer.match.upper, [{ code: '002', names: ['Ward 2', 'Ward 2'] }]);
  assert.deepEqual(answer.match.lower, []);
});

test('a numbered district loses its zero padding; legislative names are kept for matching', async () => {
  server.reply({ body: censusBody('1315 10th St, Sacramento, CA', [SACRAMENTO]) });
  const answer = await client().geocode('1315 10th St, Sacramento, CA');
  assert.equal(answer.kind, 'match');
  if (answer.kind !== 'match') return;
  assert.equal(answer.match.state, 'CA');
  assert.equal(answer.match.congressionalDistrict, '7');
  assert.deepEqual(answer.match.upper?.[0]?.names, ['State Senate District 8', '8']);
  assert.equal(answer.match.lower?.[0]?.code, '007');
});

test('no match is an answer, not a failure', async () => {
  server.reply({ body: censusBody('nowhere', []) });
  assert.deepEqual(await client().geocode('1 Nowhere Rd'), { kind: 'no_match' });
});

test('several matches are all returned', async () => {
  server.reply({
    body: censusBody('100 Main St', [
      SACRAMENTO,
      { ...SACRAMENTO, matchedAddress: '100 MAIN ST, X, CA, 95000', cd: '03' },
    ]),
  });
  const answer = await client().geocode('100 Main St');
  assert.equal(answer.kind, 'multiple');
  if (answer.kind !== 'multiple') return;
  assert.deepEqual(
    answer.matches.map((m) => m.congressionalDistrict),
    ['7', '3'],
  );
});

test('a body that is not JSON, or JSON of another shape, is a provider failure', async () => {
  server.reply({ body: '<html>Service Unavailable</html>', contentType: 'text/html' });
  await assert.rejects(
    client().geocode(ADDRESS),
    (err: unknown) => err instanceof GeocoderError && err.failure === 'malformed',
  );
  server.reply({ body: { result: { addressMatches: [{ matchedAddress: 'X', coordinates: { x: 'a', y: 1 } }] } } });
  await assert.rejects(
    client().geocode(ADDRESS),
    (err: unknown) => err instanceof GeocoderError && err.failure === 'malformed',
  );
});

test('a slow answer fails as a timeout, with no second try once the deadline has passed', async () => {
  server.reply({ body: censusBody(ADDRESS, [WHITE_HOUSE]), delayMs: 2000 });
  await assert.rejects(
    client(150).geocode(ADDRESS),
    (err: unknown) => err instanceof GeocoderError && err.failure === 'timeout',
  );
  assert.equal(server.requests.length, 1);
  await server.whenAbandoned();
});

test('a 500 is retried once and the retry can succeed', async () => {
  server.reply({ status: 500, body: { errors: ['internal'] } }, { body: censusBody(ADDRESS, [WHITE_HOUSE]) });
  const answer = await client().geocode(ADDRESS);
  assert.equal(answer.kind, 'match');
  assert.equal(server.requests.length, 2);
});

test('two 500s fail as a server error after exactly one retry', async () => {
  server.reply({ status: 500, body: { errors: ['internal'] } });
  await assert.rejects(
    client().geocode(ADDRESS),
    (err: unknown) => err instanceof GeocoderError && err.failure === 'server_error' && err.status === 500,
  );
  assert.equal(server.requests.length, 2);
});

test('a 400 is not retried, and its error message does not carry the address', async () => {
  server.reply({
    status: 400,
    body: { errors: ['Address cannot be empty and cannot exceed 100 characters'], status: '400' },
  });
  await assert.rejects(client().geocode(ADDRESS), (err: unknown) => {
    assert.ok(err instanceof GeocoderError);
    assert.equal(err.failure, 'rejected');
    assert.doesNotMatch(err.message, /Pennsylvania/i);
    return true;
  });
  assert.equal(server.requests.length, 1);
});
