import assert from 'node:assert/strict';
import { campaignToForm } from '../campaigns/campaign-form.ts';
import { LIMITS } from '../campaigns/campaign-input.ts';
import { findCampaignBySlug } from '../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { testEachDialect } from '../db/testing.ts';
import { EDITOR_BODY_LIMIT_BYTES, LARGEST_VALID_FORM_BYTES } from './editor-limits.ts';
import { signedIn, testApp } from './testing.ts';

const encoded = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body.toString();
};

/** Every text at its limit, in a three-byte character ("€"): the most bytes a valid campaign sends. */
function largestCampaignForm(): Record<string, string | string[]> {
  const fill = (n: number) => '€'.repeat(n);
  const form: Record<string, string | string[]> = {
    ...campaignToForm({ ...sampleCampaignInput(), id: 0, createdAt: '', updatedAt: '', version: 1, customTargets: [] }),
    status: 'draft',
    targets: ['senators', 'representative', 'custom'],
    tags: Array.from({ length: LIMITS.tags }, (_, i) => `${i}${fill(LIMITS.tag - 2)}`).join(', '),
    shareImageUrl: `https://example.org/${'a'.repeat(LIMITS.url - 20)}`,
  };
  for (const lang of ['en', 'es']) {
    for (const field of ['title', 'summary', 'body', 'callScript', 'message', 'shareText'] as const) {
      form[`content.${lang}.${field}`] = fill(LIMITS[field]);
    }
  }
  for (let i = 0; i < LIMITS.customTargets; i++) {
    Object.assign(form, {
      [`customTargets.${i}.name`]: `${i}${fill(LIMITS.name - 3)}`,
      [`customTargets.${i}.title`]: fill(LIMITS.name),
      [`customTargets.${i}.phone`]: '202-555-0100',
      [`customTargets.${i}.email`]: `office${i}@example.org`,
      [`customTargets.${i}.contactUrl`]: `https://example.org/${'c'.repeat(LIMITS.url - 20)}`,
    });
  }
  return form;
}

testEachDialect('the largest valid campaign fits the editor limit and saves', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const form = largestCampaignForm();
  const bytes = Buffer.byteLength(encoded({ _csrf: editor.csrf, ...form }));
  assert.ok(bytes > 1024 * 1024, `${bytes} bytes: more than the old 1 MB a campaign was thought to need`);
  assert.ok(bytes <= LARGEST_VALID_FORM_BYTES, `${bytes} > ${LARGEST_VALID_FORM_BYTES}`);
  const res = await editor.post('/admin/campaigns', form);
  assert.equal(res.status, 303, res.status === 400 ? await res.text() : '');
  const saved = await findCampaignBySlug(store.handle.db, 'fund-legal-aid');
  assert.equal(saved?.content.es?.body.length, LIMITS.body);
  assert.equal(saved?.customTargets.length, LIMITS.customTargets);
});

testEachDialect('a pasted megabyte of Spanish comes back with its length error and every field kept', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const sentence = '¿Qué pasó? ¡Sí, señor! Niños, niñas: protección. ';
  const body = sentence.repeat(Math.ceil(1_048_576 / sentence.length)).slice(0, 1_048_576);
  const form = {
    ...campaignToForm({ ...sampleCampaignInput(), id: 0, createdAt: '', updatedAt: '', version: 1 }),
    status: 'draft',
    'content.es.body': body,
    'content.es.title': 'Título que no debe perderse',
  };
  assert.ok(Buffer.byteLength(encoded(form)) > 2 * 1024 * 1024, 'over the old 2 MB refusal');
  const res = await editor.post('/admin/campaigns', form);
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /The Spanish body is too long: 1,048,576 characters \(the limit is 50,000\)\./);
  assert.match(html, /value="Título que no debe perderse"/);
  assert.ok(html.includes(`>${body}</textarea>`), 'the body comes back as typed');
});

testEachDialect('a form over the limit is refused before it is read, saying what to do', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const res = await editor.post('/admin/campaigns', { 'content.en.body': 'x'.repeat(EDITOR_BODY_LIMIT_BYTES) });
  assert.equal(res.status, 413);
  assert.match(await res.text(), /over 4 MB, far more than a campaign can hold, so nothing was saved\. Go back/);
});

testEachDialect('the editor caps each text at its limit as the organizer types', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const html = await (await editor.request('/admin/campaigns/new')).text();
  const maxlength = (id: string) =>
    new RegExp(`<(?:textarea|input) id="${id}"[^>]* maxlength="(\\d+)"`).exec(html)?.[1];
  assert.equal(maxlength('f-content-es-body'), '50000');
  assert.equal(maxlength('f-content-en-summary'), '600');
  assert.equal(maxlength('f-content-en-callScript'), '4000');
  assert.equal(maxlength('f-content-es-message'), '10000');
  assert.equal(maxlength('f-customTargets-0-contactUrl'), '2000');
});
