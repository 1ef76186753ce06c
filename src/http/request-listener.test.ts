import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { buildApp, type VozApp } from '../app.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { silentLogger } from '../log.ts';
import { mirrorDirectory, TEST_NOW, testConfig } from '../lookup/testing.ts';
import { createRequestListener } from './request-listener.ts';
import { countingDirectRoutes } from './testing.ts';

let store: TestStore;
let voz: VozApp;
let clock: Awaited<ReturnType<typeof mirrorDirectory>>['clock'];
let server: http.Server;
let base: string;
/** Answers the listener sent from the cache, without the app. */
let fromCache: () => number;

before(async () => {
  store = await createTestStore('sqlite');
  const loaded = await mirrorDirectory();
  clock = loaded.clock;
  voz = buildApp({ config: testConfig(), db: store.handle, directory: loaded.directory, clock, logger: silentLogger });
  const counting = countingDirectRoutes(voz);
  fromCache = counting.answered;
  server = http.createServer(createRequestListener(counting.voz));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await voz.close();
  await store.dispose();
});

/** What a client can see of an answer: status, headers (but the connection's own) and bytes. */
async function seen(res: Response) {
  const headers = Object.fromEntries(
    [...res.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
  );
  return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()).toString('utf8') };
}

test('a ZIP asked again is answered from the cache with the bytes and headers the app sent', async () => {
  const before = fromCache();
  const first = await seen(await fetch(`${base}/api/v1/officials?zip=94110`));
  assert.equal(fromCache(), before, 'the first answer comes from the app');
  const again = await seen(await fetch(`${base}/api/v1/officials?zip=94110`));
  assert.equal(fromCache(), before + 1);
  assert.equal(first.status, 200);
  assert.deepEqual(again, first);
  assert.ok(JSON.parse(again.body).representations.length > 0);
});

test('a cached answer honours If-None-Match as the app does', async () => {
  const url = `${base}/api/v1/officials?state=VT`;
  const etag = (await fetch(url)).headers.get('etag')!;
  const byApp = await seen(await voz.app.request('/api/v1/officials?state=VT', { headers: { 'if-none-match': etag } }));
  const before = fromCache();
  const cached = await seen(await fetch(url, { headers: { 'if-none-match': `W/"other", ${etag}` } }));
  assert.equal(fromCache(), before + 1);
  assert.equal(cached.status, 304);
  assert.deepEqual(cached, byApp);
  const changed = await fetch(url, { headers: { 'if-none-match': '"other"' } });
  assert.equal(changed.status, 200);
});

test('coordinates, unknown parameters and HEAD requests always go through the app', async () => {
  await fetch(`${base}/api/v1/officials?zip=10001`);
  const before = fromCache();
  for (let i = 0; i < 2; i++) {
    const point = await fetch(`${base}/api/v1/officials?lat=37.76&lon=-122.42`);
    assert.equal(point.status, 200);
    assert.match(point.headers.get('cache-control') ?? '', /^private/);
    await point.arrayBuffer();
  }
  const unknown = await fetch(`${base}/api/v1/officials?zip=10001&colour=red`);
  assert.equal(unknown.status, 400);
  assert.match(JSON.stringify(await unknown.json()), /colour/);
  const head = await fetch(`${base}/api/v1/officials?zip=10001`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(fromCache(), before);
});

test('an answer the data has moved past is not served from the cache', async () => {
  const url = `${base}/api/v1/officials?zip=02139`;
  const now = await fetch(url);
  await now.arrayBuffer();
  try {
    // After the 119th Congress's terms end, every member's answer says they may be out of date.
    clock.set('2027-01-04T12:00:00Z');
    const before = fromCache();
    const later = await fetch(url);
    assert.equal(fromCache(), before, 'the stale answer was not sent');
    assert.notEqual(later.headers.get('etag'), now.headers.get('etag'));
    await later.arrayBuffer();
  } finally {
    clock.set(TEST_NOW);
  }
});
