import assert from 'node:assert/strict';
import { test } from 'node:test';
import { campaignInputFromForm, campaignToForm } from './campaign-form.ts';
import { parseCampaignInput } from './campaign-input.ts';
import { sampleCampaignInput } from './fixtures.ts';

function errorsOf(input: unknown): Record<string, string> {
  const result = parseCampaignInput(input);
  assert.equal(result.ok, false, 'expected validation errors');
  return result.ok ? {} : result.errors;
}

test('a complete campaign passes and keeps every field', () => {
  const input = sampleCampaignInput();
  const result = parseCampaignInput(input);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.deepEqual(result.campaign, input);
});

test('an empty title is reported on its field', () => {
  const input = sampleCampaignInput();
  input.content.en!.title = '   ';
  assert.deepEqual(errorsOf(input), { 'content.en.title': 'Enter the English title.' });
});

test('a misspelled placeholder is reported on its field with its position and a suggestion', () => {
  const input = sampleCampaignInput();
  input.content.es!.message = 'Hola,\nsoy [nombe].';
  const errors = errorsOf(input);
  assert.deepEqual(Object.keys(errors), ['content.es.message']);
  assert.match(errors['content.es.message']!, /\[nombe\] in the Spanish written message at line 2, column 5/);
  assert.match(errors['content.es.message']!, /Did you mean \[nombre\]\?/);
});

test('a 1 MB body is rejected with its length and the limit', () => {
  const input = sampleCampaignInput();
  input.content.en!.body = 'x'.repeat(1_048_576);
  assert.deepEqual(errorsOf(input), {
    'content.en.body': 'The English body is too long: 1,048,576 characters (the limit is 50,000).',
  });
});

test('a custom target with a javascript: URL is rejected on that field', () => {
  const input = sampleCampaignInput();
  input.customTargets[0]!.contactUrl = 'javascript:alert(1)';
  assert.deepEqual(errorsOf(input), {
    'customTargets.0.contactUrl': 'The contact URL must start with https:// or http://.',
  });
});

test('a custom target needs some way to reach it', () => {
  const input = sampleCampaignInput();
  input.customTargets = [{ id: 'x', name: 'Someone', title: '', phone: null, email: null, contactUrl: null }];
  assert.match(errorsOf(input)['customTargets.0.phone']!, /phone number, an email address or a contact URL/);
});

test('bad slug, status, date, colour, goal and email each get their own message', () => {
  const input = {
    ...sampleCampaignInput(),
    slug: 'Protect Asylum!',
    status: 'published',
    date: '2026-02-30',
    theme: { color: 'blue', logoUrl: 'ftp://x' },
    goal: '12.5',
  };
  input.customTargets = [{ ...input.customTargets[0]!, email: 'not-an-email' }];
  const errors = errorsOf(input);
  assert.deepEqual(Object.keys(errors).sort(), [
    'customTargets.0.email',
    'date',
    'goal',
    'slug',
    'status',
    'theme.color',
    'theme.logoUrl',
  ]);
  assert.match(errors.slug!, /lowercase letters, digits and single hyphens/);
  assert.match(errors.date!, /YYYY-MM-DD/);
});

test('a theme colour too light for white button text is refused with its contrast', () => {
  const errors = errorsOf(sampleCampaignInput({ theme: { color: '#FFCC00', logoUrl: null } }));
  assert.match(errors['theme.color']!, /#ffcc00 is too light .*contrast 1\.\d:1/);
});

test('at least one language is required, and the default must be one of them', () => {
  const none = sampleCampaignInput({ content: {} });
  assert.match(errorsOf(none)['content.en.title']!, /English or Spanish/);
  const onlyEs = sampleCampaignInput({ defaultLanguage: 'en' });
  delete onlyEs.content.en;
  assert.match(errorsOf(onlyEs).defaultLanguage!, /\(Spanish\)/);
});

test('a language with every field blank is left out rather than rejected', () => {
  const input = sampleCampaignInput({ defaultLanguage: 'es' });
  input.content.en = { title: '', summary: '', body: ' ', callScript: '', message: '', shareText: '' };
  const result = parseCampaignInput(input);
  assert.ok(result.ok);
  assert.deepEqual(Object.keys(result.campaign.content), ['es']);
});

test('a language needs a call script or a written message', () => {
  const input = sampleCampaignInput();
  input.content.en = { ...input.content.en!, callScript: '', message: '' };
  assert.match(errorsOf(input)['content.en.callScript']!, /call script or a written message in English/);
});

test('targets must not be empty, and "custom" needs a custom target', () => {
  assert.match(errorsOf(sampleCampaignInput({ targets: [], customTargets: [] })).targets!, /at least one target/);
  assert.match(
    errorsOf(sampleCampaignInput({ targets: ['custom'], customTargets: [] })).targets!,
    /Add a custom target/,
  );
  assert.match(errorsOf({ ...sampleCampaignInput(), targets: ['mayor'] })['targets.0']!, /Unknown target/);
});

test('new custom targets get distinct ids from their names; existing ids are kept', () => {
  const base = {
    name: 'Office of Refugee Resettlement',
    title: '',
    phone: '202-555-0100',
    email: null,
    contactUrl: null,
  };
  const result = parseCampaignInput(
    sampleCampaignInput({
      targets: ['custom'],
      customTargets: [
        { ...base, id: '' },
        { ...base, id: '' },
        { ...base, id: 'kept-id' },
      ],
    }),
  );
  assert.ok(result.ok);
  assert.deepEqual(
    result.campaign.customTargets.map((t) => t.id),
    ['custom-office-of-refugee-resettlement', 'custom-office-of-refugee-resettlement-2', 'kept-id'],
  );
});

test('the editor form round-trips through the structured input', () => {
  const campaign = { ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '' };
  const form = campaignToForm(campaign);
  form['customTargets.1.name'] = '';
  const result = parseCampaignInput(campaignInputFromForm(form));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.deepEqual(result.campaign, sampleCampaignInput());
});

test('form errors use the form field names, so each shows beside its input', () => {
  const form = campaignToForm({ ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '' });
  form['customTargets.0.contactUrl'] = 'nope';
  form.goal = 'lots';
  const errors = errorsOf(campaignInputFromForm(form));
  assert.deepEqual(Object.keys(errors).sort(), ['customTargets.0.contactUrl', 'goal']);
  assert.ok(Object.keys(errors).every((key) => key in form));
});

test('a logo may be a path on this site, but not one a browser reads as another host', () => {
  assert.ok(parseCampaignInput(sampleCampaignInput({ theme: { color: null, logoUrl: '/assets/logo.svg' } })).ok);
  for (const logoUrl of ['//evil.example/x.png', '/\\evil.example/x.png', 'data:image/png;base64,AA']) {
    const errors = errorsOf(sampleCampaignInput({ theme: { color: null, logoUrl } }));
    assert.match(errors['theme.logoUrl']!, /must start with https:\/\//, logoUrl);
  }
});
