import assert from 'node:assert/strict';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { OUTCOMES } from '../domain.ts';
import { actionAnswerSchema, campaignCountsSchema } from './api-schemas.ts';
import { addCampaign, appDeps, capturingLogger, postJson, report, testConfig } from './test-helpers.ts';

const NOON = '2026-11-28T12:00:00.000Z';
const path = (slug: string) => `/api/v1/campaigns/${slug}/actions`;

async function errorOf(res: Response): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  return body.error;
}

testEachDialect('records a reported outcome and answers 201 with exactly the allowed fields stored', async (store) => {
  // Only the hour is kept: a finer time would let timed logs elsewhere point at this row.
  const clock = fixedClock('2026-11-28T12:34:56.789Z');
  const { app, close } = buildApp(appDeps(store.handle, testConfig(store), clock));
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const res = await app.request(
    postJson(path('asylum'), report({ state: 'ca', district: '12' }), {
      'user-agent': 'Mozilla/5.0 (secret-agent)',
      'x-forwarded-for': '203.0.113.9',
    }),
  );
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { counted: true });
  const rows = await store.handle.db.selectFrom('actions').selectAll().execute();
  assert.equal(rows.length, 1);
  const { id, ...row } = rows[0]!;
  assert.equal(typeof id, 'number');
  assert.deepEqual(row, {
    campaign_id: campaign.id,
    target: 'house:ca:12',
    channel: 'call',
    outcome: 'contacted',
    state: 'CA',
    district: '12',
    language: 'en',
    created_at: NOON,
  });
  await close();
});

testEachDialect('refuses unknown, draft and closed campaigns with 404, 404 and 409', async (store) => {
  const { app, close } = buildApp(appDeps(store.handle, testConfig(store), fixedClock(NOON)));
  await addCampaign(store.handle.db, 'draft-one', 'draft');
  await addCampaign(store.handle.db, 'closed-one', 'closed');
  const unknown = await app.request(postJson(path('nope'), report()));
  assert.equal(unknown.status, 404);
  assert.equal((await errorOf(unknown)).code, 'campaign_not_found');
  assert.equal((await app.request(postJson(path('draft-one'), report()))).status, 404);
  const closed = await app.request(postJson(path('closed-one'), report()));
  assert.equal(closed.status, 409);
  assert.match((await errorOf(closed)).message, /ended/);
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 0);
  await close();
});

testEachDialect('names each invalid field with a 400 and stores nothing', async (store) => {
  const { app, close } = buildApp(appDeps(store.handle, testConfig(store), fixedClock(NOON)));
  await addCampaign(store.handle.db, 'asylum');
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ channel: 'fax' }, 'channel'],
    [{ outcome: 'yelled' }, 'outcome'],
    [{ state: 'XX' }, 'state'],
    [{ language: 'fr' }, 'language'],
    [{ target: '' }, 'target'],
    [{ target: '<script>' }, 'target'],
    [{ target: 'x'.repeat(121) }, 'target'],
    [{ district: 'x'.repeat(41) }, 'district'],
  ];
  for (const [over, field] of cases) {
    const res = await app.request(postJson(path('asylum'), report(over)));
    assert.equal(res.status, 400, JSON.stringify(over));
    const error = await errorOf(res);
    assert.equal(error.code, 'invalid_action');
    assert.ok(error.fields?.[field], `${field} is named for ${JSON.stringify(over)}`);
  }
  const missing = await app.request(postJson(path('asylum'), { target: 'house:ca:12' }));
  assert.equal(missing.status, 400);
  assert.deepEqual(Object.keys((await errorOf(missing)).fields ?? {}).sort(), [
    'channel',
    'language',
    'outcome',
    'state',
  ]);
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 0);
  await close();
});

testEachDialect('a district that does not exist in the reported state is refused, naming the field', async (store) => {
  const { app, close } = buildApp(appDeps(store.handle, testConfig(store), fixedClock(NOON)));
  await addCampaign(store.handle.db, 'asylum');
  const res = await app.request(
    postJson(path('asylum'), report({ target: 'senate:ca:1', state: 'ca', district: '99' })),
  );
  assert.equal(res.status, 400);
  const error = await errorOf(res);
  assert.equal(error.code, 'unknown_district');
  assert.equal(error.message, 'CA has no congressional district 99.');
  assert.equal(error.fields?.district, 'Not a district of CA: use 1 to 52.');
  const counts = await (await app.request(`http://voz.test/api/v1/campaigns/asylum/counts`)).json();
  assert.equal(counts.total, 0, 'nothing is counted for CA-99');
  await close();
});

testEachDialect('counts carry a weak ETag and answer 304 until a count changes', async (store) => {
  const clock = fixedClock(NOON);
  const { app, close } = buildApp(appDeps(store.handle, testConfig(store), clock));
  await addCampaign(store.handle.db, 'asylum');
  const url = 'http://voz.test/api/v1/campaigns/asylum/counts';
  const first = await app.request(url);
  const etag = first.headers.get('etag') ?? '';
  assert.match(etag, /^W\/"[A-Za-z0-9_-]+"$/);
  clock.advance(3000);
  // Read again (the counts cache has expired): a new asOf, the same counts, the same validator.
  const same = await app.request(url, { headers: { 'if-none-match': etag } });
  assert.equal(same.status, 304);
  assert.equal(await same.text(), '');
  assert.equal(same.headers.get('etag'), etag);
  assert.equal((await app.request(url, { headers: { 'if-none-match': `"other", ${etag.slice(2)}` } })).status, 304);
  assert.equal((await app.request(postJson(path('asylum'), report()))).status, 201);
  clock.advance(3000);
  const changed = await app.request(url, { headers: { 'if-none-match': etag } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.get('etag'), etag);
  assert.equal((await changed.json()).total, 1);
  await close();
});

testEachDialect('rejects malformed JSON, non-JSON and oversized bodies with clear 4xx', async (store) => {
  const { app, close } = buildApp(appDeps(store.handle, testConfig(store), fixedClock(NOON)));
  await addCampaign(store.handle.db, 'asylum');
  const bad = await app.request(postJson(path('asylum'), '{"target": '));
  assert.equal(bad.status, 400);
  assert.equal((await errorOf(bad)).code, 'invalid_json');
  const array = await app.request(postJson(path('asylum'), '[1,2]'));
  assert.equal(array.status, 400);
  const form = await app.request(
    new Request(`http://voz.test${path('asylum')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'target=house:ca:12',
    }),
  );
  assert.equal(form.status, 415);
  assert.match((await errorOf(form)).message, /application\/json/);
  const huge = await app.request(postJson(path('asylum'), report({ padding: 'x'.repeat(5000) })));
  assert.equal(huge.status, 413);
  assert.equal((await errorOf(huge)).code, 'body_too_large');
  // Without Content-Length (a streamed body), the limit still holds.
  const chunks = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1000)));
      controller.close();
    },
  });
  const streamed = await app.request(
    new Request(`http://voz.test${path('asylum')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit),
  );
  assert.equal(streamed.status, 413);
  await close();
});

testEachDialect('counts a repeat of the same client, target and outcome within an hour once', async (store) => {
  const clock = fixedClock(NOON);
  const config = testConfig(store, { TRUST_PROXY: 'true' });
  const { app, close } = buildApp(appDeps(store.handle, config, clock));
  await addCampaign(store.handle.db, 'asylum');
  const send = (ip: string, over: Record<string, unknown> = {}) =>
    app.request(postJson(path('asylum'), report(over), { 'x-forwarded-for': ip }));

  assert.equal((await send('198.51.100.1')).status, 201);
  const repeat = await send('198.51.100.1');
  assert.equal(repeat.status, 200);
  assert.deepEqual(await repeat.json(), { counted: false, reason: 'repeat' });
  // Another outcome, another target or another client is a new report.
  assert.equal((await send('198.51.100.1', { outcome: 'voicemail' })).status, 201);
  assert.equal((await send('198.51.100.1', { target: 'senate:ca:1' })).status, 201);
  assert.equal((await send('198.51.100.2')).status, 201);
  clock.advance(59 * 60 * 1000);
  assert.equal((await send('198.51.100.1')).status, 200);
  clock.advance(61 * 1000);
  assert.equal((await send('198.51.100.1')).status, 201);
  const rows = await store.handle.db.selectFrom('actions').selectAll().execute();
  assert.equal(rows.length, 5);
  await close();
});

testEachDialect('limits each client and answers 429 with Retry-After', async (store) => {
  const clock = fixedClock(NOON);
  const config = testConfig(store, { TRUST_PROXY: 'true', ACTIONS_RATE_LIMIT: '3', ACTIONS_RATE_WINDOW_S: '600' });
  const { app, close } = buildApp(appDeps(store.handle, config, clock));
  await addCampaign(store.handle.db, 'asylum');
  const send = (ip: string, n: number) =>
    // Distinct reports (repeats would count once): four outcomes for the House seat, then a senator.
    app.request(
      postJson(path('asylum'), report({ target: n < 4 ? 'house:ca:12' : 'senate:ca:1', outcome: OUTCOMES[n % 4] }), {
        'x-forwarded-for': ip,
      }),
    );
  for (let i = 0; i < 3; i++) assert.equal((await send('192.0.2.7', i)).status, 201);
  const refused = await send('192.0.2.7', 3);
  assert.equal(refused.status, 429);
  const retryAfter = Number(refused.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 1200, `Retry-After ${retryAfter}`);
  assert.equal((await errorOf(refused)).code, 'rate_limited');
  // Another client is unaffected.
  assert.equal((await send('192.0.2.8', 0)).status, 201);
  // After the advertised wait, the client may report again.
  clock.advance(retryAfter * 1000);
  assert.equal((await send('192.0.2.7', 4)).status, 201);
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 5);
  await close();
});

testEachDialect('keeps IP addresses, user agents and names out of the logs, even on failures', async (store) => {
  const { logger, lines } = capturingLogger('debug');
  const config = testConfig(store, { TRUST_PROXY: 'true', ACTIONS_RATE_LIMIT: '2' });
  const deps = appDeps(store.handle, config, fixedClock(NOON), logger);
  const { app, close } = buildApp(deps);
  await addCampaign(store.handle.db, 'asylum');
  const ip = '203.0.113.77';
  const ua = 'Mozilla/5.0 (X11; Linux) VozProbeAgent/9.9';
  const headers = { 'x-forwarded-for': ip, 'user-agent': ua };
  await app.request(postJson(path('asylum'), report({ name: 'Rosa Parks', address: '12 Elm Street' }), headers));
  await app.request(postJson(path('asylum'), report({ target: '<bad>' }), headers));
  await app.request(postJson(path('asylum'), report({ target: 'a2' }), headers));
  await app.request(postJson(path('asylum'), report({ target: 'a3' }), headers)); // 429
  // A failing write (the campaign disappears under the writer) is logged as an error.
  await store.handle.db.deleteFrom('campaigns').execute();
  const { actionsFor } = await import('./context.ts');
  await assert.rejects(actionsFor(deps).writer.submit({ ...report(), campaignId: 999_999, createdAt: NOON } as never));
  assert.ok(
    lines.some((l) => l.includes('action batch not saved')),
    'the failed batch is logged',
  );
  assert.ok(
    lines.some((l) => l.includes('action batch saved')),
    'batches are logged at debug',
  );
  const all = lines.join('\n');
  for (const secret of [ip, ua, 'VozProbeAgent', 'Rosa Parks', '12 Elm Street']) {
    assert.ok(!all.includes(secret), `logs must not contain ${secret}`);
  }
  await close();
});

testEachDialect('repeats and the rate limit carry on across UTC midnight', async (store) => {
  const clock = fixedClock('2026-11-28T23:59:50Z');
  const config = testConfig(store, { TRUST_PROXY: 'true', ACTIONS_RATE_LIMIT: '30', ACTIONS_RATE_WINDOW_S: '600' });
  const { app, close } = buildApp(appDeps(store.handle, config, clock));
  await addCampaign(store.handle.db, 'asylum');
  const send = (ip = '198.51.100.1') => app.request(postJson(path('asylum'), report(), { 'x-forwarded-for': ip }));
  assert.equal((await send()).status, 201);
  clock.set('2026-11-28T23:59:55Z');
  assert.equal((await send()).status, 200);
  clock.set('2026-11-29T00:00:05Z');
  assert.equal((await send()).status, 200, 'the same report just after midnight is still a repeat');
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 1);

  // 62 requests from one client over the minute around midnight: 30 allowed, whatever the date says.
  clock.set('2026-11-29T23:59:30Z');
  const statuses: number[] = [];
  for (let i = 0; i < 62; i++) {
    if (i === 31) clock.set('2026-11-30T00:00:10Z');
    statuses.push((await send('198.51.100.2')).status);
  }
  assert.equal(statuses.filter((s) => s === 429).length, 32);
  await close();
});

testEachDialect('the OpenAPI document describes the actions API as it answers', async (store) => {
  const { app, close } = buildApp(appDeps(store.handle, testConfig(store), fixedClock(NOON)));
  await addCampaign(store.handle.db, 'asylum');
  const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { examples?: unknown[] }> };
  };
  assert.ok(doc.paths['/api/v1/campaigns/{slug}/actions']?.post?.responses['201']);
  assert.ok(doc.paths['/api/v1/campaigns/{slug}/counts']?.get?.responses['200']);
  // The documented example is a report Voz accepts, and both answers have the documented shape.
  const example = doc.components.schemas.ActionReport?.examples?.[0];
  assert.ok(example);
  const first = await app.request(postJson(path('asylum'), example as Record<string, unknown>));
  assert.equal(first.status, 201);
  actionAnswerSchema.parse(await first.json());
  const repeat = await app.request(postJson(path('asylum'), example as Record<string, unknown>));
  assert.equal(repeat.status, 200);
  assert.deepEqual(actionAnswerSchema.parse(await repeat.json()), { counted: false, reason: 'repeat' });
  const counts = campaignCountsSchema.parse(await (await app.request('/api/v1/campaigns/asylum/counts')).json());
  assert.equal(counts.total, 1);
  assert.deepEqual(counts.byTarget, [{ target: 'senate:ca:1', count: 1 }]);
  await close();
});
