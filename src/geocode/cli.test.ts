import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createLookupCommands, parsePlace } from '../lookup/cli.ts';
import { mirrorData, ROOT, TEST_NOW } from '../lookup/testing.ts';
import { censusBody, WHITE_HOUSE } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';

let census: FakeProvider;
before(async () => {
  census = await startFakeProvider('/geocoder/');
});
after(() => census.close());

async function run(args: string[], env: Record<string, string> = {}) {
  const [command] = createLookupCommands({ clock: fixedClock(TEST_NOW), load: () => mirrorData() });
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += d;
  });
  const config = () => parseConfig({ LOG_LEVEL: 'silent', GEOCODER_URL: census.baseUrl, ...env }, ROOT);
  try {
    const code = await command!.run(args, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), config });
    return { code, out, error: null as Error | null };
  } catch (err) {
    return { code: undefined, out, error: err as Error & { exitCode?: number } };
  }
}

test('a street address is told apart from a ZIP, a state, a district and a point', () => {
  assert.deepEqual(parsePlace(['1600 Pennsylvania Ave NW, Washington, DC 20500']), {
    kind: 'address',
    address: '1600 Pennsylvania Ave NW, Washington, DC 20500',
  });
  assert.equal(parsePlace(['20500']).kind, 'zip');
  assert.equal(parsePlace(['CA-12']).kind, 'district');
  assert.equal(parsePlace(['Nueva', 'York']).kind, 'state');
  assert.equal(parsePlace(['38.9,-77.03']).kind, 'point');
});

test('voz lookup "1600 Pennsylvania Ave NW, …": the DC delegate, no senators, the Ward 2 member', async () => {
  census.reply({ body: censusBody('x', [WHITE_HOUSE]) });
  const { code, out } = await run(['1600 Pennsylvania Ave NW, Washington, DC 20500']);
  assert.equal(code, 0);
  assert.match(out, /^Address found by census: 1600 PENNSYLVANIA AVE NW, WASHINGTON, DC, 20500/);
  // The table echoes the query as asked; the line above shows how the provider read it.
  assert.match(out, /address 1600 Pennsylvania Ave NW, Washington, DC 20500 \(District of Columbia\): exact/);
  assert.match(out, /Ward 2/);
  assert.doesNotMatch(out, /Ward 8/);
  assert.doesNotMatch(out, /United States Senate|Senator/);
  assert.equal(
    census.requests.at(-1)?.url.searchParams.get('address'),
    '1600 Pennsylvania Ave NW, Washington, DC 20500',
  );
});

test('--json prints the API answer with its address block', async () => {
  census.reply({ body: censusBody('x', [WHITE_HOUSE]) });
  const { out } = await run(['1600 Pennsylvania Ave NW, Washington, DC 20500', '--json']);
  const answer = JSON.parse(out) as { confidence: string; address: { status: string; stateLegislators: string } };
  assert.equal(answer.confidence, 'exact');
  assert.deepEqual([answer.address.status, answer.address.stateLegislators], ['matched', 'matched']);
});

test('the geocoder down: the ZIP in the address answers; without a ZIP, exit 69', async () => {
  census.reply({ status: 500, body: { errors: ['Internal error'] } });
  const withZip = await run(['1 Main St, Cambridge, MA 02139'], { GEOCODER_TIMEOUT_MS: '200' });
  assert.equal(withZip.code, 0);
  assert.match(withZip.out, /^Address unavailable\n/);
  assert.match(withZip.out, /Address lookup is not available right now\. Here are the districts for ZIP code 02139/);
  assert.match(withZip.out, /zip 02139 \(Massachusetts\): zip spans districts/);
  const withoutZip = await run(['1 Main St, Cambridge'], { GEOCODER_TIMEOUT_MS: '200' });
  assert.equal((withoutZip.error as { exitCode?: number } | null)?.exitCode, 69);
  assert.match(withoutZip.error?.message ?? '', /ZIP code instead/);
});

test('GEOCODER=none: an address is refused with a clear line', async () => {
  const { error } = await run(['1 Main St, Cambridge, MA 02139'], { GEOCODER: 'none' });
  assert.match(error?.message ?? '', /turned off/);
});
