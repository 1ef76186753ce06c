import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { buildApp, type VozApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import type { Env } from '../config.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { countingDirectRoutes } from '../http/testing.ts';
import { addCampaign, appDeps, report, testConfig } from './test-helpers.ts';

/**
 * The report endpoint answered before Hono must answer exactly as the app does. Every case goes
 * to two servers over the same app: one with the direct routes, one with Hono only.
 */
let store: TestStore;
const running: Array<{ voz: VozApp; servers: http.Server[] }> = [];

async function listen(listener: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function pair(env: Env = {}) {
  const voz = buildApp(
    appDeps(store.handle, testConfig(store, { TRUST_PROXY: '1', ...env }), fixedClock('2026-11-28T12:00:00Z')),
  );
  const counting = countingDirectRoutes(voz);
  const direct = await listen(createRequestListener(counting.voz));
  const viaApp = await listen(getRequestListener(voz.app.fetch));
  running.push({ voz, servers: [direct.server, viaApp.server] });
  return { direct: direct.url, viaApp: viaApp.url, served: counting.answered };
}

before(async () => {
  store = await createTestStore('sqlite');
  await addCampaign(store.handle.db, 'asylum');
  await addCampaign(store.handle.db, 'ended', 'closed');
});

after(async () => {
  for (const { voz, servers } of running) {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await voz.close();
  }
  await store.dispose();
});

/** What a client sees: status, headers but the connection's own, and the body. */
async function seen(res: Response) {
  const headers = Object.fromEntries(
    [...res.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
  );
  return { status: res.status, headers, body: await res.text() };
}

let client = 0;
/** Sends the same request to both servers, each from a client address of its own. */
async function both(urls: Awaited<ReturnType<typeof pair>>, path: string, init: RequestInit) {
  client++;
  const send = async (base: string, n: number) =>
    seen(
      await fetch(`${base}${path}`, {
        ...init,
        headers: { 'x-forwarded-for': `198.51.100.${n}`, ...(init.headers as Record<string, string>) },
      }),
    );
  const before = urls.served();
  const direct = await send(urls.direct, client * 2);
  const answeredDirectly = urls.served() > before;
  const viaApp = await send(urls.viaApp, client * 2 + 1);
  return { direct, viaApp, answeredDirectly };
}

const json = { 'content-type': 'application/json' };
const post = (body: string, headers: Record<string, string> = json): RequestInit => ({ method: 'POST', headers, body });

test('answers every kind of report as the app does, without Hono', async () => {
  const urls = await pair();
  const cases: Array<[string, string, RequestInit, number]> = [
    ['a report', '/api/v1/campaigns/asylum/actions', post(JSON.stringify(report())), 201],
    ['not JSON', '/api/v1/campaigns/asylum/actions', post('{"target":'), 400],
    ['a bad field', '/api/v1/campaigns/asylum/actions', post(JSON.stringify(report({ channel: 'fax' }))), 400],
    [
      'an unknown target',
      '/api/v1/campaigns/asylum/actions',
      post(JSON.stringify(report({ target: 'house:tx:7' }))),
      400,
    ],
    ['an array', '/api/v1/campaigns/asylum/actions', post('[]'), 400],
    [
      'a form post',
      '/api/v1/campaigns/asylum/actions',
      post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    ],
    ['too large', '/api/v1/campaigns/asylum/actions', post(JSON.stringify(report({ pad: 'x'.repeat(5000) }))), 413],
    ['no such campaign', '/api/v1/campaigns/nope/actions', post(JSON.stringify(report())), 404],
    ['a closed campaign', '/api/v1/campaigns/ended/actions', post(JSON.stringify(report())), 409],
  ];
  for (const [what, path, init, status] of cases) {
    const { direct, viaApp, answeredDirectly } = await both(urls, path, init);
    assert.ok(answeredDirectly, `${what} was answered before Hono`);
    assert.equal(viaApp.status, status, `${what}: ${viaApp.body}`);
    assert.deepEqual(direct, viaApp, what);
  }
  const stored = await store.handle.db.selectFrom('actions').selectAll().execute();
  assert.equal(stored.length, 2, 'one report stored by each server');
});

test('a repeat and the rate limit are answered as the app does, Retry-After included', async () => {
  const urls = await pair({ ACTIONS_RATE_LIMIT: '2' });
  const body = JSON.stringify(report({ outcome: 'voicemail' }));
  const as = (n: number) => ({ ...post(body), headers: { ...json, 'x-forwarded-for': `203.0.113.${n}` } });
  for (const [n, status] of [
    [1, 201],
    [1, 200],
    [1, 429],
  ] as const) {
    const direct = await seen(await fetch(`${urls.direct}/api/v1/campaigns/asylum/actions`, as(n)));
    const viaApp = await seen(await fetch(`${urls.viaApp}/api/v1/campaigns/asylum/actions`, as(n + 100)));
    assert.equal(viaApp.status, status);
    assert.deepEqual(direct, viaApp);
  }
});

test('a cross-origin report is left to the app, which answers CORS; a same-origin one is not', async () => {
  const urls = await pair();
  const before = urls.served();
  const foreign = await fetch(`${urls.direct}/api/v1/campaigns/asylum/actions`, {
    ...post(JSON.stringify(report({ outcome: 'unavailable' }))),
    headers: { ...json, origin: 'https://elsewhere.example', 'x-forwarded-for': '192.0.2.1' },
  });
  assert.equal(foreign.status, 201);
  assert.equal(foreign.headers.get('vary'), 'Origin');
  assert.equal(urls.served(), before, 'the app answered');
  const own = await fetch(`${urls.direct}/api/v1/campaigns/asylum/actions`, {
    ...post(JSON.stringify(report({ outcome: 'unavailable' }))),
    headers: { ...json, origin: urls.direct, 'x-forwarded-for': '192.0.2.2' },
  });
  assert.equal(own.status, 201);
  assert.equal(urls.served(), before + 1);
});
