import assert from 'node:assert/strict';
import { insertActions } from '../actions/action-repository.ts';
import { upsertSignup } from '../actions/signup-repository.ts';
import { campaignToForm } from '../campaigns/campaign-form.ts';
import { findCampaignBySlug } from '../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { signedIn, testApp } from './testing.ts';

/** The editor's form for the sample campaign, as a browser would submit it. */
function sampleForm(overrides: Record<string, string | string[]> = {}) {
  const campaign = { ...sampleCampaignInput(), id: 0, createdAt: '', updatedAt: '', version: 1 };
  return { ...campaignToForm(campaign), status: 'draft', ...overrides };
}

const errorOf = (html: string, field: string) => {
  const id = `f-${field.replace(/[^A-Za-z0-9_-]/g, '-')}-error`;
  return new RegExp(`<p class="error" id="${id}"[^>]*>([^<]*)</p>`).exec(html)?.[1] ?? null;
};

testEachDialect(
  'an editor creates a campaign in both languages and an owner publishes it, with an audit trail',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    const editor = await signedIn(app, store, 'editor');
    const res = await editor.post('/admin/campaigns', sampleForm());
    assert.equal(res.status, 303);
    const location = res.headers.get('location') ?? '';
    assert.match(location, /^\/admin\/campaigns\/\d+$/);
    const saved = await findCampaignBySlug(store.handle.db, 'fund-legal-aid');
    assert.equal(saved?.status, 'draft');
    assert.equal(saved?.content.es?.title, 'Fondos para asistencia legal');
    assert.equal(saved?.customTargets[0]?.contactUrl, 'https://example.org/contact');

    clock.advance(60_000);
    const owner = await signedIn(app, store, 'owner');
    assert.equal((await owner.post(`${location}/status`, { status: 'live' })).status, 303);
    assert.equal((await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))?.status, 'live');

    clock.advance(60_000);
    const edit = await editor.post(location, sampleForm({ 'content.en.title': 'Fund legal aid now', status: 'live' }));
    assert.equal(edit.status, 303);
    const page = await (await owner.request(location)).text();
    assert.match(page, /Fund legal aid now/);
    const trail = [
      ...page.matchAll(
        /<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><td><strong>([^<]+)<\/strong>: ([^<]*)<\/td><td>(?:<a href="(\/admin\/audit\/\d+)"[^>]*>([^<]+)<\/a>|–)<\/td><\/tr>/g,
      ),
    ].map((m) => [m[1], m[2], m[3], m[4], m[6]]);
    assert.deepEqual(trail, [
      ['2026-03-01 12:02', 'editor@example.org', 'update', 'changed Title (English)', '1 field'],
      ['2026-03-01 12:01', 'owner@example.org', 'publish', 'status: draft → live', '1 field'],
      [
        '2026-03-01 12:00',
        'editor@example.org',
        'create',
        'created &quot;fund-legal-aid&quot; as draft',
        trail[2]?.[4],
      ],
    ]);
    assert.match(trail[2]?.[4] ?? '', /^\d+ fields$/);

    // Each entry's page shows the old and new values in full, escaped.
    const links = [...page.matchAll(/<a href="(\/admin\/audit\/\d+)"/g)].map((m) => m[1]!);
    const update = await (await editor.request(links[0]!)).text();
    assert.match(
      update,
      /<th scope="row">Title \(English\)<\/th><td><div class="value">Fund legal aid for families<\/div><\/td><td><div class="value">Fund legal aid now<\/div><\/td>/,
    );
    const created = await (await editor.request(links[2]!)).text();
    assert.match(
      created,
      /<th scope="row">Body \(English\)<\/th><td><span class="hint">\(empty\)<\/span><\/td><td><div class="value">Families facing deportation \*\*have no right to a lawyer\*\*/,
    );
  },
);

testEachDialect('the change history shows what was typed, escaped, never as markup', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const location = (await editor.post('/admin/campaigns', sampleForm())).headers.get('location')!;
  const hostile = '<img src=x onerror=alert(1)> & "quotes"';
  assert.equal((await editor.post(location, sampleForm({ 'content.es.summary': hostile }))).status, 303);
  const page = await (await editor.request(location)).text();
  const entry = /<a href="(\/admin\/audit\/\d+)"[^>]*>1 field<\/a>/.exec(page)?.[1];
  assert.ok(entry);
  const html = await (await editor.request(entry)).text();
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;'));
  assert.doesNotMatch(html, /<img src=x/);
  assert.equal((await editor.request('/admin/audit/99999')).status, 404);
});

testEachDialect('bad input shows an error next to each field and keeps what was typed', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  assert.equal((await editor.post('/admin/campaigns', sampleForm({ slug: 'taken' }))).status, 303);
  const huge = 'x'.repeat(1024 * 1024);
  const res = await editor.post(
    '/admin/campaigns',
    sampleForm({
      slug: 'taken',
      'content.en.title': '',
      'content.en.body': huge,
      'content.es.callScript': 'Hola, soy [nombre] de [organizacion] y [ciudadd].',
      'customTargets.0.contactUrl': 'javascript:alert(1)',
      'content.es.summary': '<script>alert(1)</script>',
    }),
  );
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(errorOf(html, 'slug') ?? '', /already used/);
  assert.match(errorOf(html, 'content.en.title') ?? '', /Enter the English title/);
  assert.match(errorOf(html, 'content.en.body') ?? '', /too long: 1,048,576 characters/);
  assert.match(errorOf(html, 'content.es.callScript') ?? '', /\[ciudadd\].*Did you mean \[ciudad\]\?/);
  assert.match(errorOf(html, 'customTargets.0.contactUrl') ?? '', /must start with https:\/\/ or http:\/\//);
  // What was typed comes back, escaped.
  assert.ok(html.includes(`>${huge}</textarea>`));
  assert.match(html, /value="taken"/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/textarea>/);
  assert.match(html, /<div class="errors-summary" role="alert"/);
  assert.equal((await findCampaignBySlug(store.handle.db, 'taken'))?.content.en?.title, 'Fund legal aid for families');
});

testEachDialect('the body preview renders sanitised Markdown without saving', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const res = await editor.post(
    '/admin/campaigns',
    sampleForm({ intent: 'preview', 'content.en.body': '## Why\n\n**Now** <img src=x onerror=alert(1)>' }),
  );
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<div class="md-preview"><h2>Why<\/h2>\s*<p><strong>Now<\/strong>/);
  assert.doesNotMatch(html, /<img[^>]*onerror/);
  assert.equal(await findCampaignBySlug(store.handle.db, 'fund-legal-aid'), null);
});

testEachDialect('viewers see campaigns but cannot create, edit or publish them', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const location = (await editor.post('/admin/campaigns', sampleForm())).headers.get('location')!;
  const viewer = await signedIn(app, store, 'viewer');
  assert.equal((await viewer.request(location)).status, 200);
  assert.equal((await viewer.request('/admin/campaigns/new')).status, 403);
  assert.equal((await viewer.post('/admin/campaigns', sampleForm({ slug: 'other' }))).status, 403);
  assert.equal((await viewer.post(location, sampleForm())).status, 403);
  assert.equal((await viewer.post(`${location}/status`, { status: 'live' })).status, 403);
  assert.equal((await viewer.request(`${location}/edit`)).status, 403);
  assert.equal((await viewer.request('/admin/campaigns/999')).status, 404);
});

testEachDialect(
  'the dashboard counts attempts as the public counter does, shows skips apart, and answers 304 until a count changes',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    const editor = await signedIn(app, store, 'editor');
    const location = (await editor.post('/admin/campaigns', sampleForm({ goal: '10' }))).headers.get('location')!;
    const campaign = (await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))!;
    const action = (
      outcome: 'contacted' | 'voicemail' | 'skipped',
      state: 'CA' | 'TX',
      channel: 'call' | 'email' = 'call',
    ) => ({
      campaignId: campaign.id,
      createdAt: '2026-03-01T10:00:00.000Z',
      target: 'custom-city-hall',
      channel,
      outcome,
      state,
      district: null,
      language: 'en' as const,
    });
    await insertActions(store.handle.db, [
      action('contacted', 'CA'),
      action('contacted', 'CA'),
      action('voicemail', 'TX'),
      action('voicemail', 'CA'),
      action('contacted', 'TX'),
      action('skipped', 'CA'),
      action('skipped', 'CA', 'email'),
    ]);
    const fragmentUrl = `${location}/dashboard`;
    const first = await editor.request(fragmentUrl, { headers: { 'x-requested-with': 'fetch' } });
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag')!;
    const html = await first.text();
    assert.match(html, /data-live-summary[^>]*>5 actions</);
    assert.match(html, /Goal: 5 of 10 \(50%\)/);
    assert.match(html, /Not counted: 2 skipped\./);
    // Calls 5 (the skipped call is not one), reached 3 of those 5, no messages sent, 2 skips.
    assert.match(
      html,
      /<th scope="row">Jordan Lee \(Mayor\)<\/th><td class="num">5<\/td><td class="num">3 \(60%\)<\/td><td class="num">0<\/td><td class="num">2<\/td>/,
    );
    // The daily chart counts the same five.
    assert.match(html, /<th scope="row">2026-03-01<\/th><td class="num">5<\/td>/);
    // So does the map: CA's two skips are not actions.
    assert.match(html, /Supporters in 2 states or territories took 5 actions\. Most: CA 3, TX 2\./);
    assert.match(html, /<title>California: 3 actions<\/title>/);
    const again = await editor.request(fragmentUrl, {
      headers: { 'x-requested-with': 'fetch', 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
    await insertActions(store.handle.db, [action('contacted', 'TX')]);
    const changed = await editor.request(fragmentUrl, {
      headers: { 'x-requested-with': 'fetch', 'if-none-match': etag },
    });
    assert.equal(changed.status, 200);
    assert.match(await changed.text(), />6 actions</);
    // Anonymous polls are refused with 401, not redirected.
    const anonymous = await app.request(`http://localhost${fragmentUrl}`, { headers: { 'x-requested-with': 'fetch' } });
    assert.equal(anonymous.status, 401);
  },
);

testEachDialect(
  'actions export for every role; opted-in supporters for owners only, with an audit entry',
  async (store) => {
    const { app } = testApp(store);
    const editor = await signedIn(app, store, 'editor');
    const location = (await editor.post('/admin/campaigns', sampleForm())).headers.get('location')!;
    const campaign = (await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))!;
    await insertActions(store.handle.db, [
      {
        campaignId: campaign.id,
        createdAt: '2026-03-01T10:00:00.000Z',
        target: 'house:ca:12',
        channel: 'call',
        outcome: 'contacted',
        state: 'CA',
        district: '12',
        language: 'es',
      },
      {
        campaignId: campaign.id,
        createdAt: '2026-03-01T10:00:00.000Z',
        target: 'senate:ca:1',
        channel: 'email',
        outcome: 'contacted',
        state: 'CA',
        district: '12',
        language: 'es',
      },
      {
        campaignId: campaign.id,
        createdAt: '2026-03-01T10:00:00.000Z',
        target: 'custom-city-hall',
        channel: 'call',
        outcome: 'voicemail',
        state: 'CA',
        district: null,
        language: 'en',
      },
    ]);
    await upsertSignup(store.handle.db, {
      campaignId: campaign.id,
      name: '=HYPERLINK("x")',
      email: 'ana@example.org',
      zip: '94110',
      consentText: 'You may email me.',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    const viewer = await signedIn(app, store, 'viewer');
    const csv = await viewer.request(`${location}/actions.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="fund-legal-aid-actions.csv"/);
    // The raw id, then who holds the seat as of the export (none named for vacant CA-12) and the seat.
    assert.equal(
      await csv.text(),
      'created_at,target,target_name,target_label,channel,outcome,state,district,language\r\n' +
        '2026-03-01T10:00:00.000Z,custom-city-hall,Jordan Lee,Mayor,call,voicemail,CA,,en\r\n' +
        "2026-03-01T10:00:00.000Z,house:ca:12,,California's 12th congressional district,call,contacted,CA,12,es\r\n" +
        '2026-03-01T10:00:00.000Z,senate:ca:1,Sara Senior,"Senate seat, class 1",email,contacted,CA,12,es\r\n',
    );

    assert.equal((await viewer.request(`${location}/supporters.csv`)).status, 403);
    assert.equal((await editor.request(`${location}/supporters.csv`)).status, 403);
    const owner = await signedIn(app, store, 'owner');
    const supporters = await owner.request(`${location}/supporters.csv`);
    assert.equal(supporters.status, 200);
    const lines = (await supporters.text()).trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /^fund-legal-aid,"'=HYPERLINK\(""x""\)",ana@example.org,94110,/);
    assert.match(
      await (await owner.request(location)).text(),
      /supporters\.export<\/strong>|1 opted-in supporters exported/,
    );
  },
);

testEachDialect('a custom-target error shows on the row that has it, below an empty row', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const form: Record<string, string | string[]> = sampleForm();
  for (const key of Object.keys(form)) if (key.startsWith('customTargets.')) delete form[key];
  const res = await editor.post('/admin/campaigns', {
    ...form,
    targets: ['senators', 'custom'],
    'customTargets.0.name': '',
    'customTargets.1.name': 'City council',
    'customTargets.1.contactUrl': 'notaurl',
  });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.equal(errorOf(html, 'customTargets.0.contactUrl'), '');
  assert.match(errorOf(html, 'customTargets.1.contactUrl') ?? '', /must start with https:\/\//);
  assert.match(html, /<a href="#f-customTargets-1-contactUrl">Custom target 2: contact URL<\/a>/);
  assert.match(html, /id="f-customTargets-1-contactUrl"[^>]*value="notaurl"/);
});

testEachDialect('a campaign is public the moment it is published, and takes no action once closed', async (store) => {
  // A fixed clock: the campaign cache's TTL never runs out during this test.
  const { app } = testApp(store, { clock: fixedClock('2026-03-01T12:00:00Z') });
  const owner = await signedIn(app, store, 'owner');
  const location = (await owner.post('/admin/campaigns', sampleForm())).headers.get('location')!;
  assert.equal((await app.request('http://localhost/c/fund-legal-aid')).status, 404);
  assert.doesNotMatch(await (await app.request('http://localhost/')).text(), /Fund legal aid for families/);
  await owner.post(`${location}/status`, { status: 'live' });
  assert.equal((await app.request('http://localhost/c/fund-legal-aid')).status, 200);
  assert.match(await (await app.request('http://localhost/')).text(), /Fund legal aid for families/);
  await owner.post(`${location}/status`, { status: 'closed' });
  const late = await app.request('http://localhost/api/v1/campaigns/fund-legal-aid/actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      target: 'custom-city-hall',
      channel: 'call',
      outcome: 'contacted',
      state: 'CA',
      district: null,
      language: 'en',
    }),
  });
  assert.equal(late.status, 409);
});

testEachDialect(
  'a save against a version someone else has saved since is refused, keeping what was typed and showing the difference',
  async (store) => {
    const { app } = testApp(store);
    const ana = await signedIn(app, store, 'editor', 'ana@example.org');
    const bea = await signedIn(app, store, 'editor', 'bea@example.org');
    const location = (await ana.post('/admin/campaigns', sampleForm())).headers.get('location')!;
    const versionIn = (html: string) => /<input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const opened = versionIn(await (await ana.request(`${location}/edit`)).text());
    assert.equal(versionIn(await (await bea.request(`${location}/edit`)).text()), opened);
    assert.ok(opened, 'the editor carries the version it opened');

    const first = await ana.post(location, sampleForm({ version: opened, 'content.en.title': 'Ana’s title' }));
    assert.equal(first.status, 303);
    const late = await bea.post(location, sampleForm({ version: opened, 'content.en.summary': 'Bea’s summary' }));
    assert.equal(late.status, 409);
    const page = await late.text();
    assert.match(page, /Someone else saved this campaign while you were editing/);
    assert.match(page, /Bea’s summary/, 'what Bea typed is still in the form');
    assert.match(
      page,
      /<th scope="row">Title \(English\)<\/th><td><div class="value">Fund legal aid for families<\/div><\/td><td><div class="value">Ana’s title<\/div><\/td>/,
    );
    const saved = await findCampaignBySlug(store.handle.db, 'fund-legal-aid');
    assert.equal(saved?.content.en?.title, 'Ana’s title', 'Ana’s save stands');
    assert.notEqual(saved?.content.en?.summary, 'Bea’s summary');

    // Having seen the difference, Bea saves again on purpose: the form now carries the new version.
    const again = await bea.post(
      location,
      sampleForm({ version: versionIn(page), 'content.en.summary': 'Bea’s summary' }),
    );
    assert.equal(again.status, 303);
    assert.equal((await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))?.content.en?.summary, 'Bea’s summary');
    // A status change is a new version too: an editor open from before it cannot undo it unseen.
    const owner = await signedIn(app, store, 'owner');
    const before = versionIn(await (await bea.request(`${location}/edit`)).text());
    await owner.post(`${location}/status`, { status: 'live' });
    assert.equal((await bea.post(location, sampleForm({ version: before, status: 'draft' }))).status, 409);
    assert.equal((await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))?.status, 'live');
  },
);

testEachDialect('renaming a live campaign warns in the editor and keeps the old links redirecting', async (store) => {
  const { app } = testApp(store);
  const owner = await signedIn(app, store, 'owner');
  const location = (await owner.post('/admin/campaigns', sampleForm({ status: 'live' }))).headers.get('location')!;
  const editor = await (await owner.request(`${location}/edit`)).text();
  assert.match(editor, /id="f-slug-hint"[^>]*>This campaign is live: a new slug changes its address\./);
  assert.match(editor, /aria-describedby="f-slug-hint"/);
  const draft = await owner.post('/admin/campaigns', sampleForm({ slug: 'a-draft' }));
  assert.doesNotMatch(await (await owner.request(`${draft.headers.get('location')}/edit`)).text(), /f-slug-hint/);

  assert.equal((await owner.post(location, sampleForm({ status: 'live', slug: 'legal-aid' }))).status, 303);
  const page = await app.request('http://localhost/c/fund-legal-aid/officials?zip=94110&lang=es');
  assert.equal(page.status, 301);
  assert.equal(page.headers.get('location'), '/c/legal-aid/officials?zip=94110&lang=es');
  assert.equal((await app.request('http://localhost/c/fund-legal-aid')).headers.get('location'), '/c/legal-aid');
  assert.equal(
    (await app.request('http://localhost/api/v1/campaigns/fund-legal-aid/counts')).headers.get('location'),
    '/api/v1/campaigns/legal-aid/counts',
  );
  assert.equal((await app.request('http://localhost/c/legal-aid')).status, 200);
  // An unknown slug is still a 404, and a slug taken up again by a campaign is that campaign's.
  assert.equal((await app.request('http://localhost/c/never-was')).status, 404);
  await owner.post(location, sampleForm({ status: 'live', slug: 'fund-legal-aid' }));
  assert.equal((await app.request('http://localhost/c/fund-legal-aid')).status, 200);
  assert.equal((await app.request('http://localhost/c/legal-aid')).headers.get('location'), '/c/fund-legal-aid');
});
