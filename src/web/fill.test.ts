import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTemplate, renderTemplate } from '../campaigns/templates.ts';
import { cleanDetails, mailtoUrl, templateValues } from './fill.ts';

test('the seed placeholders are filled with the details, the ZIP and the official, via the campaign templates', () => {
  const parsed = parseTemplate(
    'My name is [name]. I am [Title or Role] of [ORGANIZATION], for [community] in [zip]. [official]',
  );
  assert.ok(parsed.ok);
  const values = templateValues(
    { name: 'Ana', role: 'director', organization: 'Casa', community: 'migrants', city: '' },
    '94110',
    { official: 'Senator Sara Senior', office: 'the office of Senator Sara Senior' },
  );
  assert.equal(
    renderTemplate(parsed.template, values),
    'My name is Ana. I am director of Casa, for migrants in 94110. Senator Sara Senior',
  );
});

test('an empty detail keeps its placeholder visible, and markup in a detail stays text', () => {
  const parsed = parseTemplate('I am [name] of [organization] in [city]');
  assert.ok(parsed.ok);
  const values = templateValues({ name: '<script>alert(1)</script>', organization: '  ' }, null, null);
  assert.equal(renderTemplate(parsed.template, values), 'I am <script>alert(1)</script> of [organization] in [city]');
});

test('details are trimmed, collapsed and capped at their limits', () => {
  const { details, tooLong } = cleanDetails({ name: '  Ana   María ', organization: 'x'.repeat(151), role: 42 });
  assert.equal(details.name, 'Ana María');
  assert.equal(details.role, '');
  assert.equal(details.organization.length, 150);
  assert.deepEqual(tooLong, ['organization']);
});

test('mailto links encode spaces as %20 and keep a real plus sign', () => {
  const url = mailtoUrl('senator@example.gov', 'Protect asylum', 'Hello Senator,\n1 + 1 & more');
  assert.equal(
    url,
    'mailto:senator@example.gov?subject=Protect%20asylum&body=Hello%20Senator%2C%0A1%20%2B%201%20%26%20more',
  );
  assert.equal(new URL(url).protocol, 'mailto:');
});
