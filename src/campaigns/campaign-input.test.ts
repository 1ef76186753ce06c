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
  const campaign = { ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1 };
  const form = campaignToForm(campaign);
  form['customTargets.1.name'] = '';
  const result = parseCampaignInput(campaignInputFromForm(form));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.deepEqual(result.campaign, sampleCampaignInput());
});

test('form errors use the form field names, so each shows beside its input', () => {
  const form = campaignToForm({ ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1 });
  form['customTargets.0.contactUrl'] = 'nope';
  form.goal = 'lots';
  const errors = errorsOf(campaignInputFromForm(form));
  assert.deepEqual(Object.keys(errors).sort(), ['customTargets.0.contactUrl', 'goal']);
  assert.ok(Object.keys(errors).every((key) => key in form));
});

test('a logo is an https:// address: Voz serves no files at a path such as /logo.png', () => {
  assert.ok(
    parseCampaignInput(sampleCampaignInput({ theme: { color: null, logoUrl: 'https://example.org/logo.svg' } })).ok,
  );
  for (const logoUrl of [
    '/logo.png',
    'http://example.org/logo.png',
    '//evil.example/x.png',
    '/\\evil.example/x.png',
    'data:image/png;base64,AA',
  ]) {
    const errors = errorsOf(sampleCampaignInput({ theme: { color: null, logoUrl } }));
    assert.match(errors['theme.logoUrl']!, /must be an https:\/\/ address .* Voz does not host images\./, logoUrl);
  }
});

/** The editor form of a saved sample campaign with no custom-target rows filled in. */
const formWithoutCustomTargets = () =>
  campaignToForm({ ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1, customTargets: [] });

test('a custom-target error names the row it is on, even below an empty row', () => {
  const form = formWithoutCustomTargets();
  Object.assign(form, {
    'customTargets.0.name': '',
    'customTargets.0.contactUrl': '',
    'customTargets.1.name': 'City council',
    'customTargets.1.contactUrl': 'notaurl',
    'customTargets.2.name': 'No way to reach',
  });
  const errors = errorsOf(campaignInputFromForm(form));
  assert.deepEqual(errors, {
    'customTargets.1.contactUrl': 'The contact URL must start with https:// or http://.',
    'customTargets.2.phone':
      'Give a phone number, an email address or a contact URL, so supporters can reach this target.',
  });
});

test('empty rows between custom targets are dropped once the form is valid', () => {
  const form = formWithoutCustomTargets();
  Object.assign(form, {
    'customTargets.1.name': 'City council',
    'customTargets.1.phone': '415-555-0199',
    'customTargets.2.name': '',
  });
  const result = parseCampaignInput(campaignInputFromForm(form));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.deepEqual(
    result.campaign.customTargets.map((t) => [t.id, t.name, t.phone]),
    [['custom-city-council', 'City council', '415-555-0199']],
  );
});

test('line breaks a browser sends as CRLF are stored as LF and counted once', () => {
  const form = campaignToForm({ ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1 });
  // 49,000 characters and 999 line breaks: within the limit as typed, over it if CR counted.
  form['content.en.body'] = Array.from({ length: 1000 }, () => 'x'.repeat(49)).join('\r\n');
  const result = parseCampaignInput(campaignInputFromForm(form));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.equal(result.campaign.content.en?.body.length, 49_999);
  assert.doesNotMatch(result.campaign.content.en?.body ?? '', /\r/);
});

test('more than twenty filled custom targets are refused; empty rows do not count', () => {
  const target = (i: number) => ({
    id: '',
    name: `Target ${i}`,
    title: '',
    phone: '202-555-0100',
    email: null,
    contactUrl: null,
  });
  const rows = [null, ...Array.from({ length: 20 }, (_, i) => target(i)), null];
  assert.ok(parseCampaignInput({ ...sampleCampaignInput(), customTargets: rows }).ok);
  assert.match(
    errorsOf({ ...sampleCampaignInput(), customTargets: [...rows, target(21)] }).customTargets!,
    /At most 20 custom targets/,
  );
});

test('sites allowed to embed are origins: normalised, without duplicates, a path refused', () => {
  const form = campaignToForm({ ...sampleCampaignInput(), id: 1, createdAt: '', updatedAt: '', version: 1 });
  form.embedOrigins = 'https://www.example.org/\nHTTPS://WWW.EXAMPLE.ORG, http://localhost:8080';
  const result = parseCampaignInput(campaignInputFromForm(form));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.deepEqual(result.campaign.embedOrigins, ['https://www.example.org', 'http://localhost:8080']);

  for (const bad of [
    'example.org',
    'https://example.org/blog',
    'https://user@example.org',
    'javascript:alert(1)',
    'https://*.example.org',
  ]) {
    const errors = errorsOf({ ...sampleCampaignInput(), embedOrigins: [bad] });
    assert.deepEqual(Object.keys(errors), ['embedOrigins'], bad);
    assert.match(errors.embedOrigins!, /is not a site address.*such as https:\/\/www\.example\.org/, bad);
  }
  const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.example`);
  assert.match(errorsOf({ ...sampleCampaignInput(), embedOrigins: many }).embedOrigins!, /At most 20 sites/);
  // Left out (an older file, an API client): no restriction.
  const { embedOrigins: _, ...withoutOrigins } = sampleCampaignInput();
  const parsed = parseCampaignInput(withoutOrigins);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.campaign.embedOrigins, []);
});
