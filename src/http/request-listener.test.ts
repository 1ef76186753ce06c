import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { addCampaign } from '../actions/test-helpers.ts';
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
/** The same app behind Node's listener with no direct routes: every answer comes from Hono. */
let appServer: http.Server;
let appBase: string;
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
  appServer = http.createServer(createRequestListener({ ...voz, directRoutes: [] }));
  base = await listen(server);
  appBase = await listen(appServer);
});

async function listen(s: http.Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => appServer.close(resolve));
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

/**
 * What goes over the wire, as node:http receives it: fetch would ask for gzip on its own and
 * decompress, hiding the bytes the server sent.
 */
function raw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...kept } = res.headers;
          resolve({ status: res.statusCode!, headers: kept, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const decode = (answer: Awaited<ReturnType<typeof raw>>) =>
  answer.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(answer.body)
    : answer.headers['content-encoding'] === 'gzip'
      ? gunzipSync(answer.body)
      : answer.body;

test('a ZIP asked again is answered from the cache with the bytes and headers the app sent', async () => {
  const before = fromCache();
  const first = await raw(`${base}/api/v1/officials?zip=94110`);
  assert.equal(fromCache(), before, 'the first answer comes from the app');
  const again = await raw(`${base}/api/v1/officials?zip=94110`);
  assert.equal(fromCache(), before + 1);
  assert.equal(first.status, 200);
  assert.deepEqual(again, first);
  assert.ok(JSON.parse(again.body.toString('utf8')).representations.length > 0);
});

test('a cached answer honours If-None-Match as the app does', async () => {
  const path = '/api/v1/officials?state=VT';
  const etag = (await raw(`${base}${path}`)).headers.etag as string;
  const conditional = { 'if-none-match': `W/"other", ${etag}` };
  const byApp = await raw(`${appBase}${path}`, conditional);
  const before = fromCache();
  const cached = await raw(`${base}${path}`, conditional);
  assert.equal(fromCache(), before + 1);
  assert.equal(cached.status, 304);
  assert.deepEqual(cached, byApp);
  assert.deepEqual(
    await seen(await voz.app.request(path, { headers: conditional })),
    { status: 304, headers: cached.headers, body: '' },
    'app.request answers the same 304',
  );
  const changed = await raw(`${base}${path}`, { 'if-none-match': '"other"' });
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

test('for br, gzip and no Accept-Encoding, a cached answer has the status, headers and bytes the app sends', async () => {
  const path = '/api/v1/officials?zip=60601';
  const identity = await raw(`${appBase}${path}`);
  assert.equal(identity.status, 200);
  assert.equal(identity.headers.vary, 'Accept-Encoding');
  for (const [acceptEncoding, expected] of [
    [undefined, undefined],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
  ] as const) {
    const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    const before = fromCache();
    // The direct route asks first, so a coded body is made there; the app then finds it kept.
    const direct = await raw(`${base}${path}`, headers);
    assert.equal(fromCache(), before + 1, 'answered before Hono');
    const byApp = await raw(`${appBase}${path}`, headers);
    assert.deepEqual(direct, byApp, `Accept-Encoding: ${acceptEncoding}`);
    assert.equal(direct.headers['content-encoding'], expected);
    assert.equal(direct.headers.vary, 'Accept-Encoding');
    assert.deepEqual(decode(direct), identity.body);
  }
});

test('a coded body the app made first is the one the direct route sends', async () => {
  const path = '/api/v1/officials?zip=99501';
  const byApp = await raw(`${appBase}${path}`, { 'accept-encoding': 'gzip' });
  assert.equal(byApp.headers['content-encoding'], 'gzip');
  const before = fromCache();
  const direct = await raw(`${base}${path}`, { 'accept-encoding': 'gzip' });
  assert.equal(fromCache(), before + 1);
  assert.deepEqual(direct, byApp);
});

test('a conditional request for a coded answer gets the same 304 from the direct route and the app', async () => {
  const path = '/api/v1/officials?zip=20001';
  const br = await raw(`${appBase}${path}`, { 'accept-encoding': 'br' });
  const etag = br.headers.etag as string;
  assert.notEqual(etag, (await raw(`${appBase}${path}`)).headers.etag, 'br has its own ETag');
  const cases: Record<string, string>[] = [
    { 'accept-encoding': 'br', 'if-none-match': etag },
    { 'accept-encoding': 'gzip, br', 'if-none-match': `"other", W/${etag}` },
    // The br tag does not validate the identity body, nor gzip's.
    { 'if-none-match': etag },
    { 'accept-encoding': 'gzip', 'if-none-match': etag },
  ];
  for (const headers of cases) {
    const before = fromCache();
    const direct = await raw(`${base}${path}`, headers);
    assert.equal(fromCache(), before + 1);
    const byApp = await raw(`${appBase}${path}`, headers);
    assert.deepEqual(direct, byApp, JSON.stringify(headers));
    if (headers['accept-encoding']?.includes('br')) {
      assert.equal(direct.status, 304);
      assert.equal(direct.headers.etag, etag);
      assert.equal(direct.headers.vary, 'Accept-Encoding');
      assert.equal(direct.body.byteLength, 0);
    } else {
      assert.equal(direct.status, 200);
      assert.notEqual(direct.headers.etag, etag);
    }
  }
});

test('a 304 over the socket carries only the headers its route gave it, never a Content-Type', async () => {
  await addCampaign(store.handle.db, 'not-modified');
  const home = (await raw(`${appBase}/`)).body.toString('utf8');
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(home)?.[1];
  assert.ok(stylesheet, 'the home page links its stylesheet');
  for (const path of ['/api/v1/campaigns/not-modified/counts', stylesheet, '/api/v1/officials?zip=05401']) {
    const first = await raw(`${appBase}${path}`);
    assert.equal(first.status, 200, path);
    const again = await raw(`${appBase}${path}`, { 'if-none-match': first.headers.etag as string });
    assert.equal(again.status, 304, path);
    assert.equal(again.headers['content-type'], undefined, `${path}: a 304 that relabels what a cache keeps`);
    assert.equal(again.headers.etag, first.headers.etag, path);
    assert.equal(again.body.length, 0, path);
  }
});

test('each coding of a static asset has its own ETag, and a 304 only for that coding', async () => {
  const home = (await raw(`${appBase}/`)).body.toString('utf8');
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(home)![1]!;
  const plain = await raw(`${appBase}${stylesheet}`);
  const br = await raw(`${appBase}${stylesheet}`, { 'accept-encoding': 'br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.notEqual(br.headers.etag, plain.headers.etag);
  assert.deepEqual(decode(br), plain.body);
  const revalidate = (etag: unknown, coding: string) =>
    raw(`${appBase}${stylesheet}`, { 'accept-encoding': coding, 'if-none-match': etag as string });
  assert.equal((await revalidate(br.headers.etag, 'br')).status, 304);
  assert.equal((await revalidate(plain.headers.etag, 'br')).status, 200, 'the identity tag does not validate brotli');
  assert.equal((await revalidate(`W/${plain.headers.etag}`, 'identity')).status, 304, 'compared weakly');
});
