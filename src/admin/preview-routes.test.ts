import assert from 'node:assert/strict';
import { countActions } from '../actions/action-repository.ts';
import { campaignToForm } from '../campaigns/campaign-form.ts';
import { findCampaignBySlug } from '../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { testEachDialect } from '../db/testing.ts';
import { signedIn, testApp } from './testing.ts';

testEachDialect(
  'a draft previews as a supporter from a ZIP would see it, and the preview cannot reach the actions API',
  async (store) => {
    const { app } = testApp(store);
    const editor = await signedIn(app, store, 'editor');
    const form = {
      ...campaignToForm({ ...sampleCampaignInput(), id: 0, createdAt: '', updatedAt: '', version: 1 }),
      status: 'draft',
    };
    const location = (await editor.post('/admin/campaigns', form)).headers.get('location')!;

    // The public page does not exist for a draft…
    assert.equal((await app.request('http://localhost/c/fund-legal-aid/officials?zip=94110')).status, 404);
    // …but the preview shows the officials for the ZIP with the campaign's filled-in script.
    const res = await editor.request(`${location}/preview?zip=94110&lang=es`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="es"/);
    assert.match(html, /Sara Senior/);
    assert.match(html, /Jon Junior/);
    assert.match(html, /Jordan Lee/);
    assert.match(html, /Llamo a/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /form-action 'self'/);
    assert.match(csp, /connect-src 'none'/);

    const viewer = await signedIn(app, store, 'viewer');
    assert.equal((await viewer.request(`${location}/preview?zip=94110`)).status, 200);
    assert.equal((await app.request(`http://localhost${location}/preview?zip=94110`)).status, 303);
  },
);

/** The page's main content, with the per-visitor CSRF token left out (the preview has none). */
const mainOf = (html: string) =>
  (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '')
    .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')
    .replace(/&quot;csrf&quot;:&quot;[^&]*&quot;,/g, '');

testEachDialect('a senators-only campaign with a split ZIP previews exactly as a supporter sees it', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const form = {
    ...campaignToForm({
      ...sampleCampaignInput({ slug: 'senators-only', targets: ['senators'], customTargets: [] }),
      id: 0,
      createdAt: '',
      updatedAt: '',
      version: 1,
    }),
    status: 'live',
  };
  const location = (await editor.post('/admin/campaigns', form)).headers.get('location')!;
  for (const lang of ['en', 'es']) {
    // 94015 is split between two California districts: the senators are the same in both.
    const supporter = await app.request(`http://localhost/c/senators-only/officials?zip=94015&lang=${lang}`);
    const preview = await editor.request(`${location}/preview?zip=94015&lang=${lang}`);
    assert.equal(supporter.status, 200);
    assert.equal(preview.status, supporter.status);
    const seen = mainOf(await supporter.text());
    assert.match(seen, /class="card"/, 'the supporter sees the senators, not a choice');
    assert.match(seen, /Sara Senior/);
    // The same page, but its links and forms lead into the preview rather than to the public page.
    const shown = mainOf(await preview.text());
    assert.doesNotMatch(shown, /"\/c\//);
    const inPreview = (html: string) =>
      html
        .replace(/\/c\/senators-only\/outcomes/g, 'PREVIEW/outcomes')
        .replace(/\/c\/senators-only(?:\/officials|\/done|\/location)?/g, 'PREVIEW')
        .replace(new RegExp(`${location}/preview`, 'g'), 'PREVIEW');
    assert.equal(inPreview(shown), inPreview(seen), lang);
  }
});

const sampleForm = (status: string, over: Record<string, string | string[]> = {}) => ({
  ...campaignToForm({ ...sampleCampaignInput(), id: 0, createdAt: '', updatedAt: '', version: 1 }),
  status,
  ...over,
});

/** Every same-site href and form action in the page's main content (not tel:, mailto: or an office's site). */
const targetsOf = (html: string) =>
  [...mainOf(html).matchAll(/(?:href|action)="(\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

testEachDialect(
  'a split ZIP in the preview offers choices, a location form and outcomes that all stay in the preview',
  async (store) => {
    const { app } = testApp(store);
    const editor = await signedIn(app, store, 'editor');
    const location = (await editor.post('/admin/campaigns', sampleForm('live'))).headers.get('location')!;
    const id = location.split('/').pop();
    const preview = `/admin/campaigns/${id}/preview`;

    const choose = await (await editor.request(`${preview}?zip=94015&lang=es`)).text();
    const links = targetsOf(choose);
    assert.ok(links.length >= 3, 'choices and the location form');
    assert.deepEqual(
      links.filter((l) => !l.startsWith(preview)),
      [],
      'no link or form leaves the preview',
    );
    const choice = links.find((l) => /district=CA-/.test(l))!;
    assert.match(choice, /zip=94015/);
    assert.match(choice, /lang=es/);

    const officials = await (await editor.request(choice)).text();
    assert.match(officials, /class="card"/);
    assert.deepEqual(
      targetsOf(officials).filter((l) => !l.startsWith(preview)),
      [],
      'the officials cards, their outcome forms and the change-location link stay in the preview',
    );
    assert.match(officials, new RegExp(`<form class="outcome" method="post" action="${preview}/outcomes\\?lang=es"`));

    // An outcome posted from the preview records nothing and leads back to the preview.
    const campaign = (await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))!;
    const district = /district=(CA-\d+)/.exec(choice)![1]!;
    const res = await editor.post(`${preview}/outcomes?lang=es`, {
      target: 'custom-city-hall',
      result: 'contacted.call',
      zip: '94015',
      district,
      lang: 'es',
    });
    assert.equal(res.status, 303);
    const next = res.headers.get('location') ?? '';
    assert.ok(next.startsWith(`${preview}?`), next);
    assert.match(next, /r=custom-city-hall%7Econtacted/);
    assert.equal(await countActions(store.handle.db, campaign.id), 0);
    // Like every form under /admin, the preview's outcome buttons carry the CSRF token.
    assert.equal((await editor.post(`${preview}/outcomes`, { result: 'contacted.call' }, false)).status, 403);
  },
);

testEachDialect('the editor previews unsaved values as a supporter from a ZIP, and saves nothing', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const location = (await editor.post('/admin/campaigns', sampleForm('live'))).headers.get('location')!;
  const edited = sampleForm('live', {
    'content.en.title': 'A title not saved yet',
    'content.es.callScript': 'Hola, soy {{name}}. Guion sin guardar para {{official}}.',
    previewZip: '94110',
    previewLang: 'es',
  });
  const res = await editor.post(`${location}/preview`, edited);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="es"/);
  assert.match(html, /Guion sin guardar para/);
  assert.match(html, /Sara Senior/);
  assert.match(res.headers.get('content-security-policy') ?? '', /connect-src 'none'/);
  const stored = (await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))!;
  assert.equal(stored.content.en?.title, 'Fund legal aid for families');
  assert.doesNotMatch(stored.content.es?.callScript ?? '', /sin guardar/);

  // An invalid form comes back as the editor with the same errors a save shows, and what was typed.
  const invalid = await editor.post(`${location}/preview`, { ...edited, 'content.en.title': '', previewZip: '9411' });
  assert.equal(invalid.status, 400);
  const page = await invalid.text();
  assert.match(page, /id="f-content-en-title-error"[^>]*>[^<]+</);
  assert.match(page, /id="f-previewZip-error"[^>]*>Type a 5-digit ZIP code to preview from\.</);
  assert.match(page, /value="9411"/);
  assert.match(page, /Guion sin guardar para/);

  // A new campaign previews before its first save.
  const fresh = await editor.post('/admin/campaigns/new/preview', {
    ...edited,
    slug: 'not-saved-yet',
    previewLang: 'en',
  });
  assert.equal(fresh.status, 200);
  assert.match(await fresh.text(), /Sara Senior/);
  assert.equal(await findCampaignBySlug(store.handle.db, 'not-saved-yet'), null);
});

testEachDialect('an address the preview cannot match leads back to the ZIP in the preview', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const location = (await editor.post('/admin/campaigns', sampleForm('draft'))).headers.get('location')!;
  const res = await editor.post(`${location}/preview/address`, { zip: '94015', address: '1 Main St', lang: 'es' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${location}/preview?zip=94015&lang=es`);
});
