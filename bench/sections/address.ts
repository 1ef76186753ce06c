import { fixedClock } from '../../src/clock.ts';
import { AnswerCache, DEFAULT_CACHE } from '../../src/geocode/cache.ts';
import { censusGeocoder } from '../../src/geocode/census.ts';
import { guardGeocoder } from '../../src/geocode/guarded-geocoder.ts';
import { createResolver, type Remembered } from '../../src/geocode/resolve-address.ts';
import { censusBody, SACRAMENTO } from '../../src/geocode/testing/census-fixtures.ts';
import { startFakeProvider } from '../../src/geocode/testing/fake-provider.ts';
import { realDirectory, TEST_NOW } from '../../src/geocode/testing/real-directory.ts';
import { silentLogger } from '../../src/log.ts';
import { type Figure, median, type Section } from '../harness.ts';

/**
 * Street-address lookups with a local server in the Census Geocoder's wire format: the cost of an
 * answer from the in-memory cache, and what a geocoder outage costs a supporter once the circuit
 * breaker is open (compared with the timeout it spares them, in the same run).
 */
const RUNS = 2000;
const TIMEOUT_MS = 3000;

export const section: Section = {
  name: 'address',
  async run(): Promise<Figure[]> {
    const census = await startFakeProvider('/geocoder/');
    try {
      const { data, directory } = await realDirectory();
      const clock = fixedClock(TEST_NOW);
      const make = (cache: AnswerCache<Remembered> | null = null) =>
        createResolver({
          geocoder: guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: TIMEOUT_MS }), {
            clock,
            logger: silentLogger,
            breaker: { failureThreshold: 3, cooldownMs: 60_000 },
          }),
          directory,
          seats: data.seats,
          cache,
        });

      census.reply({ body: censusBody('x', [SACRAMENTO]) });
      const cached = make(new AnswerCache<Remembered>(clock, DEFAULT_CACHE));
      await cached.lookup('1315 10th St, Sacramento, CA 95814');
      const cachedUs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await cached.lookup('1315 10th St, Sacramento, CA 95814');
        cachedUs.push((performance.now() - started) * 1000);
      }
      const zipUs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        directory.lookupZip('95814');
        zipUs.push((performance.now() - started) * 1000);
      }

      census.reply({ status: 503, body: 'Service Unavailable' });
      const down = make();
      for (let i = 0; i < 3; i++) await down.lookup(`${i} Main St, Beverly Hills, CA 90210`);
      const openMs: number[] = [];
      for (let i = 0; i < 200; i++) {
        const started = performance.now();
        const answer = await down.lookup(`${i} Wilshire Blvd, Beverly Hills, CA 90210`);
        openMs.push(performance.now() - started);
        if (answer.fallback !== 'zip') throw new Error('an outage must fall back to the ZIP');
      }
      const outage = median(openMs);
      return [
        {
          name: 'address answered from cache (median)',
          value: median(cachedUs),
          unit: 'µs',
          note: 'hash, districts, legislators',
        },
        { name: 'ZIP lookup, same run (median)', value: median(zipUs), unit: 'µs', note: 'baseline' },
        { name: 'geocoder down, breaker open: ZIP fallback (median)', value: outage, unit: 'ms' },
        {
          name: 'outage answer / geocoder timeout',
          value: outage / TIMEOUT_MS,
          unit: '×',
          goal: { kind: 'max', value: 0.01 },
          note: `timeout ${TIMEOUT_MS} ms`,
        },
      ];
    } finally {
      await census.close();
    }
  },
};
