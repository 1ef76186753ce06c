import assert from 'node:assert/strict';
import { insertCampaign } from '../../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../../campaigns/fixtures.ts';
import { fixedClock } from '../../clock.ts';
import { testEachDialect } from '../../db/testing.ts';
import { testApp } from '../testing.ts';

const ACTIONS = (slug: string) => `http://localhost:3000/api/v1/campaigns/${slug}/actions`;
const report = JSON.stringify({
  target: 'senate:ca:1',
  channel: 'call',
  outcome: 'contacted',
  state: 'CA',
  district: null,
  language: 'en',
});

testEachDialect(
  'a sandboxed frame (Origin: null) may report for an embeddable campaign, without credentials',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());

    const preflight = await app.request(ACTIONS('fund-legal-aid'), {
      method: 'OPTIONS',
      headers: {
        origin: 'null',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'null');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
    assert.match(preflight.headers.get('vary') ?? '', /Origin/);

    const posted = await app.request(ACTIONS('fund-legal-aid'), {
      method: 'POST',
      headers: { origin: 'null', 'content-type': 'application/json' },
      body: report,
    });
    assert.equal(posted.status, 201);
    assert.equal(posted.headers.get('access-control-allow-origin'), 'null');
    assert.equal(posted.headers.get('access-control-allow-credentials'), null);
    assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 1);

    // An error is readable too, so the widget can say what went wrong.
    const bad = await app.request(ACTIONS('fund-legal-aid'), {
      method: 'POST',
      headers: { origin: 'null', 'content-type': 'application/json' },
      body: '{"target":',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('access-control-allow-origin'), 'null');
  },
);

testEachDialect('campaigns that do not allow embedding, and drafts, answer no CORS at all', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(store.handle.db, sampleCampaignInput({ slug: 'no-embed', embedEnabled: false }), clock.now());
  await insertCampaign(store.handle.db, sampleCampaignInput({ slug: 'a-draft', status: 'draft' }), clock.now());
  for (const slug of ['no-embed', 'a-draft', 'nope']) {
    const preflight = await app.request(ACTIONS(slug), {
      method: 'OPTIONS',
      headers: { origin: 'null', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 403, slug);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null, slug);
    const posted = await app.request(ACTIONS(slug), {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
      body: report,
    });
    assert.equal(posted.headers.get('access-control-allow-origin'), null, slug);
  }
});

testEachDialect('Voz pages reporting to their own origin need no CORS answer', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
  const posted = await app.request(ACTIONS('fund-legal-aid'), {
    method: 'POST',
    headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
    body: report,
  });
  assert.equal(posted.status, 201);
  assert.equal(posted.headers.get('access-control-allow-origin'), null);
});
