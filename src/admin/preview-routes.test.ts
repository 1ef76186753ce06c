import assert from 'node:assert/strict';
import { campaignToForm } from '../campaigns/campaign-form.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { testEachDialect } from '../db/testing.ts';
import { signedIn, testApp } from './testing.ts';

testEachDialect(
  'a draft previews as a supporter from a ZIP would see it, and the preview cannot submit',
  async (store) => {
    const { app } = testApp(store);
    const editor = await signedIn(app, store, 'editor');
    const form = {
      ...campaignToForm({ ...sampleCampaignInput(), id: 0, createdAt: '', updatedAt: '' }),
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
    assert.match(csp, /form-action 'none'/);
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
    assert.equal(mainOf(await preview.text()), seen, lang);
  }
});
