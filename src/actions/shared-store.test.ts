import assert from 'node:assert/strict';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import type { CampaignCounts } from './counts.ts';
import { addCampaign, appDeps, postJson, report, testConfig } from './test-helpers.ts';

testEachDialect('two Voz instances sharing one database count every action exactly once', async (store) => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const config = testConfig(store, { TRUST_PROXY: 'true', ACTIONS_RATE_LIMIT: '1000' });
  // Each instance has its own connections, writer, caches and client-key salt, as two processes would.
  const second = store.reopen();
  const a = buildApp(appDeps(store.handle, config, clock));
  const b = buildApp(appDeps(second, config, clock));
  await addCampaign(store.handle.db, 'asylum');

  const perInstance = 150;
  const send = (app: typeof a.app, i: number) =>
    app.request(
      postJson('/api/v1/campaigns/asylum/actions', report({ outcome: 'voicemail' }), {
        'x-forwarded-for': `10.1.${i >> 8}.${i & 255}`,
      }),
    );
  const responses = await Promise.all(
    Array.from({ length: perInstance }, (_, i) => [send(a.app, i), send(b.app, i)]).flat(),
  );
  // The same client address reaches both instances: each process has its own repeat memory, so
  // both count it (repeats are detected per process).
  assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));

  clock.advance(5000);
  const totals = await Promise.all(
    [a.app, b.app].map(async (app) => {
      const res = await app.request('/api/v1/campaigns/asylum/counts');
      return ((await res.json()) as CampaignCounts).total;
    }),
  );
  assert.deepEqual(totals, [2 * perInstance, 2 * perInstance]);
  const rows = await store.handle.db.selectFrom('actions').select('id').execute();
  assert.equal(new Set(rows.map((r) => r.id)).size, 2 * perInstance, 'ids are unique across instances');
  await a.close();
  await b.close();
  await second.close();
});
