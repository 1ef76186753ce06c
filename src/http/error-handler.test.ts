import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signedIn, testApp } from '../admin/testing.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';

let store: TestStore;
before(async () => {
  store = await createTestStore('sqlite');
});
after(() => store.dispose());

test('a missing organizer page is an admin page, without the supporter frame', async () => {
  const { app } = testApp(store);
  const owner = await signedIn(app, store, 'owner');
  const res = await owner.request('/admin/campaigns/999999');
  assert.equal(res.status, 404);
  const html = await res.text();
  assert.match(html, /· Voz admin<\/title>/);
  assert.match(html, /Account \(owner@example.org\)/, 'the signed-in menu stays');
  assert.doesNotMatch(html, /campaign may have ended|Español|footer|Officials data as of/);
  const unknown = await owner.request('/admin/no-such-page');
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /There is no page at this address in the organizer workspace/);
});

test('supporter and API errors keep their own forms', async () => {
  const { app } = testApp(store);
  const page = await app.request('http://localhost/c/no-such-campaign?lang=es');
  assert.equal(page.status, 404);
  assert.match(await page.text(), /Página no encontrada/);
  const api = await app.request('http://localhost/api/v1/campaigns/no-such-campaign/counts');
  assert.equal(api.status, 404);
  assert.deepEqual(await api.json(), {
    error: { code: 'campaign_not_found', message: 'There is no campaign at this address.' },
  });
});
