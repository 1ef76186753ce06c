import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { openDatabase } from '../db/database.ts';
import { createTestStore, dialectsUnderTest } from '../db/testing.ts';
import { startTestProxy } from '../db/testing-proxy.ts';
import type { CampaignCounts } from './counts.ts';
import { addCampaign, appDeps, capturingLogger, postJson, report, testConfig } from './test-helpers.ts';

/**
 * PostgreSQL behind a proxy that can refuse connections or go silent: Voz answers 503 with
 * Retry-After (JSON under /api, a page elsewhere) within its timeouts, keeps serving the campaign
 * and counts it last read, and recovers by itself.
 */
test('a PostgreSQL outage answers 503 with Retry-After, pages keep working, and Voz recovers', async (t) => {
  if (!dialectsUnderTest().includes('postgres')) {
    t.skip('needs TEST_DATABASE_URL');
    return;
  }
  const store = await createTestStore('postgres');
  if (store.database.dialect !== 'postgres') throw new Error('unreachable');
  const proxy = await startTestProxy(store.database.url);
  const { logger, lines } = capturingLogger('debug');
  const handle = openDatabase(
    { dialect: 'postgres', url: proxy.url(store.database.url) },
    { logger, timeouts: { connectMs: 300, queryMs: 300 } },
  );
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const config = testConfig(store, { DB_WRITE_TIMEOUT_MS: '500', TRUST_PROXY: 'true' });
  const { app, close } = buildApp(appDeps(handle, config, clock, logger));
  let client = 0;
  const post = (slug = 'asylum') =>
    app.request(postJson(`/api/v1/campaigns/${slug}/actions`, report(), { 'x-forwarded-for': `10.0.0.${++client}` }));
  const counts = async () => {
    const res = await app.request('/api/v1/campaigns/asylum/counts');
    assert.equal(res.status, 200);
    return ((await res.json()) as CampaignCounts).total;
  };
  const assertUnavailable = async (res: Response, kind: 'json' | 'html') => {
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    if (kind === 'json') {
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'database_unavailable');
      assert.match(body.error.message, /try again/);
    } else {
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await res.text(), /cannot reach its database/);
    }
  };
  try {
    await addCampaign(store.handle.db, 'asylum');
    await addCampaign(store.handle.db, 'never-read');
    assert.equal((await post()).status, 201);
    assert.equal((await app.request('/c/asylum')).status, 200);
    assert.equal(await counts(), 1);

    for (const mode of ['refuse', 'silent'] as const) {
      await proxy.setMode(mode);
      clock.advance(10_000); // past every cache's lifetime and retry interval
      // Read while the database is down: the campaign and its counts as last known.
      assert.equal((await app.request('/c/asylum')).status, 200, `campaign page while ${mode}`);
      assert.equal(await counts(), 1);
      await assertUnavailable(await post(), 'json');
      // Nothing known to fall back on: 503, never 500.
      await assertUnavailable(await app.request('/api/v1/campaigns/never-read/counts'), 'json');
      await assertUnavailable(await app.request('/c/never-read'), 'html');
      await assertUnavailable(await post('never-read'), 'json');
    }

    await proxy.setMode('forward');
    clock.advance(10_000);
    let status = 0;
    // The pool notices the reset connections; within a few attempts it has opened new ones.
    for (let i = 0; i < 5 && status !== 201; i++) status = (await post()).status;
    assert.equal(status, 201);
    assert.equal(await counts(), 2);
    assert.ok(lines.some((l) => l.includes('database unavailable')));
    assert.ok(!lines.some((l) => l.includes('"level":"error"') && l.includes('unhandled')), 'no 500 was logged');
  } finally {
    await close();
    await handle.close();
    await proxy.close();
    await store.dispose();
  }
});
