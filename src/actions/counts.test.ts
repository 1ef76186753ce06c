import assert from 'node:assert/strict';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import type { NewAction } from './action.ts';
import { insertActionsAtomically } from './action-repository.ts';
import type { CampaignCounts } from './counts.ts';
import { CountsCache, readCampaignCounts } from './counts.ts';
import { addCampaign, appDeps, keepWriting, postJson, report, testConfig } from './test-helpers.ts';

const action = (campaignId: number, over: Partial<NewAction>): NewAction => ({
  campaignId,
  target: 'house:ca:12',
  channel: 'call',
  outcome: 'contacted',
  state: 'CA',
  district: '12',
  language: 'en',
  createdAt: '2026-11-28T12:00:00.000Z',
  ...over,
});

testEachDialect(
  'counts a campaign by target, outcome, channel, language, state, district and UTC day',
  async (store) => {
    const clock = fixedClock('2026-11-30T12:00:00.000Z');
    const { app, close } = buildApp(appDeps(store.handle, testConfig(store), clock));
    const campaign = await addCampaign(store.handle.db, 'asylum');
    const other = await addCampaign(store.handle.db, 'other');
    await insertActionsAtomically(store.handle, [
      action(campaign.id, { createdAt: '2026-11-27T23:59:59.999Z' }),
      action(campaign.id, { outcome: 'voicemail', createdAt: '2026-11-28T00:00:00.000Z' }),
      action(campaign.id, { target: 'senate:ca:1', district: null, channel: 'email' }),
      action(campaign.id, { target: 'senate:tx:2', state: 'TX', district: null, language: 'es' }),
      action(campaign.id, { target: 'house:tx:12', state: 'TX', district: '12', outcome: 'skipped' }),
      action(other.id, { target: 'house:ny:1', state: 'NY', district: '1' }),
    ]);
    const res = await app.request('/api/v1/campaigns/asylum/counts');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=5');
    const counts = (await res.json()) as CampaignCounts;
    assert.equal(counts.campaign, 'asylum');
    assert.equal(counts.total, 5);
    assert.equal(counts.asOf, '2026-11-30T12:00:00.000Z');
    assert.deepEqual(counts.byOutcome, { contacted: 3, voicemail: 1, unavailable: 0, skipped: 1 });
    assert.deepEqual(counts.byChannel, { call: 4, email: 1, form: 0, mail: 0 });
    assert.deepEqual(counts.byLanguage, { en: 4, es: 1 });
    assert.deepEqual(counts.byTarget, [
      { target: 'house:ca:12', count: 2 },
      { target: 'house:tx:12', count: 1 },
      { target: 'senate:ca:1', count: 1 },
      { target: 'senate:tx:2', count: 1 },
    ]);
    assert.deepEqual(counts.byState, [
      { state: 'CA', count: 3 },
      { state: 'TX', count: 2 },
    ]);
    // District 12 of California and district 12 of Texas are different places.
    assert.deepEqual(counts.byDistrict, [
      { state: 'CA', district: '12', count: 2 },
      { state: 'CA', district: null, count: 1 },
      { state: 'TX', district: null, count: 1 },
      { state: 'TX', district: '12', count: 1 },
    ]);
    assert.deepEqual(counts.byDay, [
      { day: '2026-11-27', count: 1 },
      { day: '2026-11-28', count: 4 },
    ]);
    await close();
  },
);

testEachDialect(
  'counts only public campaigns: 404 for a draft or unknown slug, totals for a closed one',
  async (store) => {
    const { app, close } = buildApp(appDeps(store.handle, testConfig(store), fixedClock('2026-11-30T12:00:00Z')));
    await addCampaign(store.handle.db, 'secret', 'draft');
    const ended = await addCampaign(store.handle.db, 'ended', 'closed');
    await insertActionsAtomically(store.handle, [action(ended.id, {})]);
    assert.equal((await app.request('/api/v1/campaigns/secret/counts')).status, 404);
    assert.equal((await app.request('/api/v1/campaigns/missing/counts')).status, 404);
    const res = await app.request('/api/v1/campaigns/ended/counts');
    assert.equal(((await res.json()) as CampaignCounts).total, 1);
    await close();
  },
);

testEachDialect(
  'counter is exact under concurrent writes and shares one read among concurrent requests',
  async (store) => {
    const clock = fixedClock('2026-11-30T12:00:00Z');
    const config = testConfig(store, { TRUST_PROXY: 'true' });
    const { app, close } = buildApp(appDeps(store.handle, config, clock));
    await addCampaign(store.handle.db, 'asylum');
    const total = async () =>
      ((await (await app.request('/api/v1/campaigns/asylum/counts')).json()) as CampaignCounts).total;
    const posts = Array.from({ length: 120 }, (_, i) =>
      app.request(
        postJson('/api/v1/campaigns/asylum/actions', report(), {
          'x-forwarded-for': `10.0.${i >> 8}.${i & 255}`,
        }),
      ),
    );
    const readsDuring = Array.from({ length: 20 }, () => total());
    const statuses = (await Promise.all(posts)).map((r) => r.status);
    assert.deepEqual(new Set(statuses), new Set([201]));
    for (const seen of await Promise.all(readsDuring)) assert.ok(seen >= 0 && seen <= 120);
    // Within the cache's life the counter may lag; once it expires it is exact.
    clock.advance(2001);
    const [a, b] = await Promise.all([total(), total()]);
    assert.equal(a, 120);
    assert.equal(b, 120);
    await close();
  },
);

testEachDialect('concurrent counter requests share one read until it expires', async (store) => {
  const clock = fixedClock('2026-11-30T12:00:00Z');
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const cache = new CountsCache(store.handle, clock, 2000);
  const first = cache.get(campaign);
  assert.equal(cache.get(campaign), first, 'a second request while the first reads shares it');
  assert.equal((await first).total, 0);
  await insertActionsAtomically(store.handle, [action(campaign.id, {})]);
  clock.advance(1999);
  assert.equal((await cache.get(campaign)).total, 0);
  clock.advance(1);
  assert.equal((await cache.get(campaign)).total, 1);
});

testEachDialect('a slow read is kept for twenty times as long as it took, not re-read every ttl', async (store) => {
  const clock = fixedClock('2026-11-30T12:00:00Z');
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const cache = new CountsCache(store.handle, clock, 2000);
  const slow = cache.get(campaign);
  clock.advance(300); // the read takes 300 ms of the clock: kept for 6 s from its start
  assert.equal((await slow).total, 0);
  await insertActionsAtomically(store.handle, [action(campaign.id, {})]);
  clock.advance(5699);
  assert.equal((await cache.get(campaign)).total, 0, 'still the slow read at 5.999 s');
  clock.advance(1);
  const fresh = cache.get(campaign);
  assert.equal((await fresh).total, 1, 'read again at 6 s');
  // This read took no time on the clock: kept for the ttl again.
  await insertActionsAtomically(store.handle, [action(campaign.id, { target: 'house:ca:12' })]);
  clock.advance(2000);
  assert.equal((await cache.get(campaign)).total, 2);
});

testEachDialect('every dimension of one read counts the same rows while actions arrive', async (store) => {
  const clock = fixedClock('2026-11-30T12:00:00Z');
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const stopWriting = keepWriting(store, campaign.id);
  const sum = (counts: Array<{ count: number }> | Record<string, number>) =>
    (Array.isArray(counts) ? counts.map((c) => c.count) : Object.values(counts)).reduce((a, b) => a + b, 0);
  try {
    const totals = new Set<number>();
    for (let read = 0; read < 40; read++) {
      const counts = await readCampaignCounts(store.handle, campaign, clock);
      totals.add(counts.total);
      const sums = [
        counts.byChannel,
        counts.byLanguage,
        counts.byTarget,
        counts.byState,
        counts.byDistrict,
        counts.byDay,
      ].map(sum);
      assert.deepEqual(sums, Array(6).fill(counts.total), `read ${read}: total ${counts.total}`);
    }
    assert.ok(totals.size > 1, 'actions arrived between the reads');
  } finally {
    await stopWriting();
  }
});
