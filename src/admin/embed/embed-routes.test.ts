import assert from 'node:assert/strict';
import { countActions } from '../../actions/action-repository.ts';
import { insertCampaign } from '../../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../../campaigns/fixtures.ts';
import { fixedClock } from '../../clock.ts';
import { testEachDialect } from '../../db/testing.ts';
import { createDirectory } from '../../lookup/create-directory.ts';
import { fixtureDataWithUnknownHolder } from '../../web/testing/directory-fixture.ts';
import { signedIn, testApp } from '../testing.ts';

const get = (app: ReturnType<typeof testApp>['app'], path: string, headers: Record<string, string> = {}) =>
  app.request(new URL(path, 'http://localhost:3000').toString(), { headers });

testEachDialect(
  'an embeddable campaign may be framed by any site, themed, and others may not be framed',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    await insertCampaign(
      store.handle.db,
      sampleCampaignInput({ theme: { color: '#7a1f5c', logoUrl: 'https://org.example/logo.png' } }),
      clock.now(),
    );
    await insertCampaign(store.handle.db, sampleCampaignInput({ slug: 'no-embed', embedEnabled: false }), clock.now());
    await insertCampaign(store.handle.db, sampleCampaignInput({ slug: 'a-draft', status: 'draft' }), clock.now());

    const res = await get(app, '/embed/fund-legal-aid');
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors \*/);
    assert.match(csp, /img-src 'self' data: https:\/\/org\.example/);
    assert.equal(res.headers.get('x-frame-options'), null);
    const html = await res.text();
    assert.match(html, /<img src="https:\/\/org\.example\/logo\.png"/);
    assert.match(html, /href="\/embed\/fund-legal-aid\/theme\.css"/);
    assert.equal(await (await get(app, '/embed/fund-legal-aid/theme.css')).text(), ':root{--brand:#7a1f5c}\n');

    for (const slug of ['no-embed', 'a-draft', 'nope']) {
      const refused = await get(app, `/embed/${slug}`);
      assert.equal(refused.status, 404, slug);
      assert.match(refused.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, slug);
      assert.equal(refused.headers.get('x-frame-options'), 'DENY', slug);
    }
    // The campaign pages themselves are never framed.
    const page = await get(app, '/c/fund-legal-aid');
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  },
);

testEachDialect(
  'the embedded flow lists officials for a ZIP and records outcomes through the JSON API',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    const campaign = await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
    const res = await get(app, '/embed/fund-legal-aid?zip=94110&lang=es');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="es"/);
    assert.match(html, /Sara Senior/);
    assert.match(html, /Llamo a la oficina/);
    const report = /<div data-report="([^"]+)" data-target="([^"]+)" data-state="([^"]+)" data-district="([^"]*)"/.exec(
      html,
    );
    assert.ok(report, 'cards carry what the frame script reports');
    const [, url, target, state, district] = report;
    assert.equal(url, '/api/v1/campaigns/fund-legal-aid/actions');
    // What the frame script sends: JSON, no cookie.
    const recorded = await app.request(`http://localhost:3000${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        target,
        channel: 'call',
        outcome: 'contacted',
        state,
        district: district || null,
        language: 'es',
      }),
    });
    assert.equal(recorded.status, 201);
    assert.equal(await countActions(store.handle.db, campaign.id), 1);

    const bad = await get(app, '/embed/fund-legal-aid?zip=9411');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /five-digit ZIP/);
    const split = await (await get(app, '/embed/fund-legal-aid?zip=94015')).text();
    assert.match(split, /more than one district\. Choose yours:/);
    const choices = [...split.matchAll(/<ul class="choices">|<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)]
      .map((m) => m[1])
      .filter((href): href is string => href !== undefined)
      .map((href) => href.replaceAll('&amp;', '&'));
    assert.ok(choices.length >= 2, split);
    // Each choice reloads the frame with that district: one representative, no guessing.
    const chosen = await (await get(app, choices[0]!)).text();
    assert.doesNotMatch(chosen, /more than one district/);
    assert.match(chosen, /data-district="\d+"/);
  },
);

testEachDialect(
  'the widget has a Skip, the progress line, office hours, and says why a report failed',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
    const html = await (await get(app, '/embed/fund-legal-aid?zip=94110')).text();
    assert.match(html, /<button type="button" data-outcome="skipped" data-channel="call">Skip<\/button>/);
    assert.match(html, /<p class="progress" data-progress="\{done\} of \{total\} contacted" data-total="\d+"/);
    assert.match(html, /data-failed-429="Not recorded: too many reports/);
    assert.match(html, /data-failed-409="Not recorded: this campaign has ended/);
    assert.match(html, /data-failed-503="Not recorded: Voz is very busy/);
    const es = await (await get(app, '/embed/fund-legal-aid?zip=94110&lang=es')).text();
    assert.match(es, />Omitir<\/button>/);
    assert.match(es, /data-failed-429="No se registró: demasiados informes/);
  },
);

testEachDialect('oEmbed answers a rich snippet for an embeddable campaign URL and nothing else', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
  await insertCampaign(store.handle.db, sampleCampaignInput({ slug: 'no-embed', embedEnabled: false }), clock.now());
  const oembed = (params: Record<string, string>) => get(app, `/oembed?${new URLSearchParams(params)}`);

  const res = await oembed({ url: 'http://localhost:3000/c/fund-legal-aid', format: 'json', maxwidth: '400' });
  assert.equal(res.status, 200);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body.version, '1.0');
  assert.equal(body.type, 'rich');
  assert.equal(body.title, 'Fund legal aid for families');
  assert.equal(body.width, 400);
  assert.match(
    String(body.html),
    /^<iframe src="http:\/\/localhost:3000\/embed\/fund-legal-aid" title="Fund legal aid for families" width="400"/,
  );
  assert.match(String(body.html), /<script src="http:\/\/localhost:3000\/embed\.js" async/);

  assert.equal((await oembed({ url: 'http://localhost:3000/c/fund-legal-aid', format: 'xml' })).status, 501);
  assert.equal((await oembed({ url: 'http://localhost:3000/c/no-embed' })).status, 404);
  assert.equal((await oembed({ url: 'https://evil.example/c/fund-legal-aid' })).status, 404);
  assert.equal((await oembed({ url: 'http://localhost:3000/admin/campaigns/1' })).status, 404);
  assert.equal((await oembed({ url: 'not a url' })).status, 400);
});

testEachDialect('the host script only trusts height messages from Voz frames', async (store) => {
  const { app } = testApp(store);
  const res = await get(app, '/embed.js');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /javascript/);
  const script = await res.text();
  assert.match(script, /event\.origin !== origin/);
  assert.match(script, /frame\.contentWindow !== event\.source/);
});

testEachDialect('organizers get the snippet on the embed page', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  const campaign = await insertCampaign(store.handle.db, sampleCampaignInput({ embedEnabled: false }), clock.now());
  const viewer = await signedIn(app, store, 'viewer');
  const html = await (await viewer.request(`/admin/campaigns/${campaign.id}/embed`)).text();
  assert.match(html, /Embedding is off for this campaign/);
  assert.match(html, /&lt;iframe src=&quot;http:\/\/localhost:3000\/embed\/fund-legal-aid&quot;/);
});

testEachDialect('campaign pages that allow embedding advertise their oEmbed endpoint', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
  await insertCampaign(store.handle.db, sampleCampaignInput({ slug: 'no-embed', embedEnabled: false }), clock.now());
  const html = await (await get(app, '/c/fund-legal-aid')).text();
  const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
  assert.ok(href);
  const discovered = await get(app, href.replaceAll('&amp;', '&'));
  assert.equal(discovered.status, 200);
  assert.equal(((await discovered.json()) as { type: string }).type, 'rich');
  assert.doesNotMatch(await (await get(app, '/c/no-embed')).text(), /json\+oembed/);
});

testEachDialect('each official is named once, as on the campaign page', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
  const html = await (await get(app, '/embed/fund-legal-aid?zip=94110')).text();
  const headings = [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
  assert.ok(headings.includes('Senator Sara Senior'), headings.join(' | '));
  assert.ok(headings.includes('Jordan Lee, Mayor'), headings.join(' | '));
  assert.ok(headings.every((h) => !/Sara Senior.*Sara Senior/.test(h ?? '')));
});

testEachDialect(
  'the widget offers the written message, with the ways to send it and a report for it',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    const campaign = await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
    const html = await (await get(app, '/embed/fund-legal-aid?zip=94110')).text();
    const card = /<article class="card" id="t-senate-ca-1">(.*?)<\/article>/s.exec(html)?.[1] ?? '';
    assert.match(card, /<summary>Write instead<\/summary>/);
    assert.match(card, /<textarea id="t-senate-ca-1-message" class="message" rows="8"[^>]*>Dear Senator Sara Senior,/);
    assert.match(
      card,
      /<a href="https:\/\/senior\.senate\.gov\/contact" target="_blank" rel="noopener noreferrer">Open the contact form<\/a>/,
    );
    assert.match(
      card,
      /<button type="button" data-outcome="contacted" data-channel="form">I sent the message<\/button>/,
    );
    // The mayor has an email address and a contact URL; a custom target with only email gets a mailto link.
    const mayor = /<article class="card" id="t-custom-city-hall">(.*?)<\/article>/s.exec(html)?.[1] ?? '';
    assert.match(
      mayor,
      /href="mailto:mayor@example\.org\?subject=Fund%20legal%20aid%20for%20families&amp;body=Dear%20Mayor%20Jordan%20Lee%2C/,
    );

    const recorded = await app.request('http://localhost:3000/api/v1/campaigns/fund-legal-aid/actions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        target: 'senate:ca:1',
        channel: 'form',
        outcome: 'contacted',
        state: 'CA',
        district: null,
        language: 'en',
      }),
    });
    assert.equal(recorded.status, 201);
    const [row] = await store.handle.db.selectFrom('actions').select(['channel', 'campaign_id']).execute();
    assert.deepEqual(row, { channel: 'form', campaign_id: campaign.id });
  },
);

testEachDialect('a closed campaign says it has ended and shows no officials or buttons', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(store.handle.db, sampleCampaignInput({ status: 'closed' }), clock.now());
  for (const path of [
    '/embed/fund-legal-aid',
    '/embed/fund-legal-aid?zip=94110',
    '/embed/fund-legal-aid?zip=94110&lang=es',
  ]) {
    const res = await get(app, path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    assert.match(html, /This campaign has ended|Esta campaña ha terminado/, path);
    assert.doesNotMatch(html, /data-outcome|data-report|<article|name="zip"/, path);
  }
});

testEachDialect('oEmbed accepts only this site own campaign URLs, and keeps their language', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
  const oembed = (target: string, base = 'http://localhost:3000') =>
    app.request(`${base}/oembed?${new URLSearchParams({ url: target, format: 'json' })}`);

  for (const refused of [
    'javascript://localhost:3000/c/fund-legal-aid',
    'https://localhost:3000/c/fund-legal-aid',
    'http://user@localhost:3000/c/fund-legal-aid',
    'http://user:secret@localhost:3000/c/fund-legal-aid',
    'http://localhost:3001/c/fund-legal-aid',
    'http://localhost:3000/c/fund-legal-aid-x',
    'http://localhost:3000/cx/fund-legal-aid',
  ]) {
    assert.equal((await oembed(refused)).status, 404, refused);
  }

  const spanish = await oembed('http://localhost:3000/c/fund-legal-aid?lang=es');
  assert.equal(spanish.status, 200);
  const body = (await spanish.json()) as { title: string; html: string };
  assert.equal(body.title, 'Fondos para asistencia legal');
  assert.match(
    body.html,
    /^<iframe src="http:\/\/localhost:3000\/embed\/fund-legal-aid\?lang=es" title="Fondos para asistencia legal"/,
  );

  // Any address under the campaign's path names the campaign.
  const deep = await oembed('http://localhost:3000/c/fund-legal-aid/officials?zip=94110&lang=en');
  assert.equal(deep.status, 200);
  assert.match(((await deep.json()) as { html: string }).html, /embed\/fund-legal-aid\?lang=en"/);

  // The site as the request reached it (here, a LAN address) counts as this site too, and the
  // embed code points there.
  const lan = await oembed('http://192.168.1.20:3000/c/fund-legal-aid', 'http://192.168.1.20:3000');
  assert.equal(lan.status, 200);
  assert.match(
    ((await lan.json()) as { html: string }).html,
    /^<iframe src="http:\/\/192\.168\.1\.20:3000\/embed\/fund-legal-aid"/,
  );
  assert.equal((await oembed('http://192.168.1.20:3000/c/fund-legal-aid')).status, 404);
});

testEachDialect('a campaign limited to some sites may be framed by those only', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  await insertCampaign(
    store.handle.db,
    sampleCampaignInput({ embedOrigins: ['https://org.example', 'https://blog.org.example'] }),
    clock.now(),
  );
  const res = await get(app, '/embed/fund-legal-aid');
  assert.equal(res.status, 200);
  assert.match(
    res.headers.get('content-security-policy') ?? '',
    /frame-ancestors https:\/\/org\.example https:\/\/blog\.org\.example(;|$)/,
  );
  const report = (origin: string) =>
    app.request('http://localhost:3000/api/v1/campaigns/fund-legal-aid/actions', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
  assert.equal((await report('https://org.example')).headers.get('access-control-allow-origin'), 'https://org.example');
  assert.equal((await report('null')).headers.get('access-control-allow-origin'), 'null');
  assert.equal((await report('https://elsewhere.example')).status, 403);
});

testEachDialect(
  'an embedded seat whose holder is not in the data is not called vacant and takes no reports',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const directory = createDirectory(fixtureDataWithUnknownHolder(), clock);
    const { app } = testApp(store, { clock, directory });
    await insertCampaign(store.handle.db, sampleCampaignInput(), clock.now());
    const html = await (await get(app, '/embed/fund-legal-aid?zip=94110')).text();
    const card = html.split('id="t-senate-ca-3"')[1]?.split('</article>')[0] ?? '';
    assert.match(card, /Our data does not say who holds this office now/);
    assert.match(card, /href="tel:\+12022243121"/, "the office's own line");
    assert.doesNotMatch(card, /vacant/);
    assert.doesNotMatch(card, /data-report=/, 'nobody to report a call to');
  },
);
