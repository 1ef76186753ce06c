import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { censusGeocoder } from './census.ts';
import { createGeocoder, guardGeocoder } from './guarded-geocoder.ts';
import { nominatimGeocoder } from './nominatim.ts';
import { censusBody, WHITE_HOUSE } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { nominatimBody, WHITE_HOUSE_OSM } from './testing/nominatim-fixtures.ts';

let server: FakeProvider;
before(async () => {
  server = await startFakeProvider('/geocoder/');
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const ADDRESS = '1600 Pennsylvania Ave NW, Washington, DC 20500';

function setup(timeoutMs = 2000) {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  const geocoder = guardGeocoder(censusGeocoder({ baseUrl: server.baseUrl, timeoutMs }), {
    clock,
    logger,
    breaker: { failureThreshold: 2, cooldownMs: 30_000 },
  });
  return { clock, lines, geocoder };
}

test('provider failures become "unavailable"; after N the breaker stops calling until the cool-down', async () => {
  const { geocoder, clock, lines } = setup();
  server.reply({ status: 500, body: { errors: ['down'] } });
  assert.deepEqual(await geocoder.geocode('1 A St'), { kind: 'unavailable', failure: 'server_error' });
  assert.deepEqual(await geocoder.geocode('2 B St'), { kind: 'unavailable', failure: 'server_error' });
  assert.equal(server.requests.length, 4, 'each call tried twice');
  assert.deepEqual(await geocoder.geocode('3 C St'), { kind: 'unavailable', failure: 'unavailable' });
  assert.equal(server.requests.length, 4, 'the open breaker made no call');
  const levels = lines.map((l) => JSON.parse(l) as { level: string; msg: string });
  assert.ok(levels.some((l) => l.msg === 'geocoder unavailable: circuit open' && l.level === 'warn'));
  assert.ok(!levels.some((l) => l.level === 'error'), 'a provider outage is a warning, not an error in Voz');
  clock.advance(30_000);
  server.reply({ body: censusBody('4 D St', [WHITE_HOUSE]) });
  assert.equal((await geocoder.geocode('4 D St')).kind, 'match', 'the half-open probe succeeded');
  assert.equal((await geocoder.geocode('5 E St')).kind, 'match', 'and closed the breaker');
});

test('a failure is not remembered: the next request tries again', async () => {
  const { geocoder } = setup();
  server.reply({ status: 500, body: {} }, { status: 500, body: {} }, { body: censusBody(ADDRESS, [WHITE_HOUSE]) });
  assert.equal((await geocoder.geocode(ADDRESS)).kind, 'unavailable');
  assert.equal((await geocoder.geocode(ADDRESS)).kind, 'match');
});

test('Nominatim holding back its own queue is not a provider failure: 10 at once leave the breaker closed', async () => {
  const osm = await startFakeProvider('/');
  try {
    osm.reply({ body: nominatimBody([WHITE_HOUSE_OSM]) });
    const clock = fixedClock('2026-11-28T12:00:00Z');
    const lines: string[] = [];
    const geocoder = guardGeocoder(
      nominatimGeocoder({ baseUrl: osm.baseUrl, timeoutMs: 400, userAgent: 'Voz/test', minIntervalMs: 150 }),
      {
        clock,
        logger: createLogger('debug', (l) => lines.push(l)),
        breaker: { failureThreshold: 2, cooldownMs: 30_000 },
      },
    );
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => geocoder.geocode(`${i} Main St`)));
    const throttled = answers.filter((a) => a.kind === 'unavailable' && a.failure === 'throttled').length;
    assert.ok(throttled >= 5, `${throttled} of 10 held back`);
    assert.equal(osm.requests.length, 10 - throttled, 'the held-back requests never reached the provider');
    assert.ok(!lines.some((l) => l.includes('circuit open')));
    assert.ok(!lines.some((l) => JSON.parse(l).level === 'warn'), 'throttling is not a provider failure');
    // The provider really failing still opens the breaker.
    osm.reply({ status: 500, body: {} });
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the last reserved slot
    for (const street of ['1 A St', '2 B St']) await geocoder.geocode(street);
    assert.deepEqual(await geocoder.geocode('3 C St'), { kind: 'unavailable', failure: 'unavailable' });
  } finally {
    await osm.close();
  }
});

test('the log never contains the address or the matched address', async () => {
  const { geocoder, lines } = setup(100);
  server.reply({ body: censusBody(ADDRESS, [WHITE_HOUSE]) });
  await geocoder.geocode(ADDRESS);
  server.reply({ body: 'not json' });
  await geocoder.geocode('77 Massachusetts Ave, Cambridge, MA 02139');
  server.reply({ body: {}, delayMs: 1000 });
  await geocoder.geocode('350 Fifth Avenue, New York, NY 10118');
  await geocoder.geocode('350 Fifth Avenue, New York, NY 10118');
  const log = lines.join('\n');
  assert.ok(lines.length >= 4, 'something was logged');
  assert.match(log, /"provider":"census"/);
  assert.match(log, /"failure":"malformed"/);
  assert.match(log, /circuit open/);
  for (const secret of ['Pennsylvania', 'PENNSYLVANIA', 'Massachusetts', 'Cambridge', 'Fifth', '10118', '02139']) {
    assert.ok(!log.includes(secret), `log mentions ${secret}`);
  }
});

test('the configured provider is built from config; "none" turns address lookup off', () => {
  const options = { clock: fixedClock('2026-11-28T12:00:00Z'), logger: createLogger('silent') };
  assert.equal(createGeocoder(parseConfig({}), options)?.provider, 'census');
  assert.equal(
    createGeocoder(parseConfig({ GEOCODER: 'geocodio', GEOCODER_API_KEY: 'k' }), options)?.provider,
    'geocodio',
  );
  assert.equal(createGeocoder(parseConfig({ GEOCODER: 'nominatim' }), options)?.provider, 'nominatim');
  assert.equal(createGeocoder(parseConfig({ GEOCODER: 'none' }), options), null);
});
