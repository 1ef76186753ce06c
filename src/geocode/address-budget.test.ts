import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp, type VozApp } from '../app.ts';
import { insertCampaign } from '../campaigns/campaign-repository.ts';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { silentLogger } from '../log.ts';
import { getPage, pagesCampaign } from '../web/testing/app.ts';
import { ADDRESS_BUDGET } from './address-budget.ts';
import { censusGeocoder } from './census.ts';
import { guardGeocoder } from './guarded-geocoder.ts';
import { createResolver } from './resolve-address.ts';
import { censusBody, SACRAMENTO } from './testing/census-fixtures.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { realDirectory, TEST_NOW } from './testing/real-directory.ts';

/**
 * One address budget per client, for the JSON API and the pages' address form together: each
 * lookup may be a billed provider call. ZIP, state and district lookups never spend it.
 */
const clock = fixedClock(TEST_NOW);
let census: FakeProvider;
let store: TestStore;
let voz: VozApp;

before(async () => {
  census = await startFakeProvider('/geocoder/');
  census.reply({ body: censusBody('x', [SACRAMENTO]) });
  const { data, directory } = await realDirectory();
  const geocoder = guardGeocoder(censusGeocoder({ baseUrl: census.baseUrl, timeoutMs: 2000 }), {
    clock,
    logger: silentLogger,
  });
  store = await createTestStore('sqlite');
  await insertCampaign(store.handle.db, pagesCampaign());
  voz = buildApp({
    config: parseConfig({ GROUP_COMMIT_MS: '0' }),
    db: store.handle,
    directory,
    clock,
    logger: silentLogger,
    geocoder: createResolver({ geocoder, directory, seats: data.seats }),
  });
});
after(async () => {
  await census.close();
  await voz?.close();
  await store?.dispose();
});

const api = (query: Record<string, string>) => voz.app.request(`/api/v1/officials?${new URLSearchParams(query)}`);
const ADDRESS = '1315 10th St, Sacramento, CA 95814';

test('the API answers 429 with Retry-After once a client has spent its address budget', async () => {
  for (let i = 0; i < ADDRESS_BUDGET.limit; i++) {
    assert.equal((await api({ address: ADDRESS })).status, 200, `lookup ${i + 1}`);
  }
  const asked = census.requests.length;
  const refused = await api({ address: ADDRESS });
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  const body = (await refused.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'rate_limited');
  assert.match(body.error.message, /many addresses/);
  assert.equal(census.requests.length, asked, 'the refused lookup cost no provider call');

  assert.equal((await api({ zip: '95814' })).status, 200, 'a ZIP lookup costs nothing and is not limited');
  assert.equal((await api({ district: 'CA-7' })).status, 200);
});

test('the pages\u2019 address form shares the same budget', async () => {
  const page = await getPage(voz.app, '/c/protect-asylum/officials?zip=95814');
  const res = await voz.app.request('/c/protect-asylum/address', {
    method: 'POST',
    headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: page.token ?? '', address: ADDRESS, zip: '95814' }),
  });
  assert.equal(res.status, 429);
  assert.ok(res.headers.get('retry-after'));
});

test('the budget comes back as the window slides on', async () => {
  clock.advance(2 * ADDRESS_BUDGET.windowMs);
  assert.equal((await api({ address: ADDRESS })).status, 200);
});
