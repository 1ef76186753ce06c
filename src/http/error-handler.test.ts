import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { capturingLogger } from '../actions/test-helpers.ts';
import { signedIn, testApp } from '../admin/testing.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { parseConfig } from '../config.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import { fixtureDirectoryData } from '../web/testing/directory-fixture.ts';

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

test('a 501 (oEmbed format=xml) answers the JSON error shape and is logged as a warning, not a server error', async () => {
  const { logger, lines } = capturingLogger('info');
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const vozApp = buildApp({
    config: { ...parseConfig({}, '/srv'), database: store.database },
    db: store.handle,
    directory: createDirectory(fixtureDirectoryData(), clock),
    clock,
    logger,
  });
  try {
    const url = encodeURIComponent('http://localhost:3000/c/anything');
    const res = await vozApp.app.request(`http://localhost/oembed?url=${url}&format=xml`);
    assert.equal(res.status, 501);
    assert.deepEqual(await res.json(), {
      error: { code: 'format_not_implemented', message: 'Only format=json is available.' },
    });
    const logged = lines.map((line) => JSON.parse(line) as { level: string; msg?: string; message?: string });
    assert.deepEqual(
      logged.filter((l) => l.level === 'error'),
      [],
    );
    assert.equal(logged.filter((l) => l.level === 'warn').length, 1);
  } finally {
    await vozApp.close();
  }
});
