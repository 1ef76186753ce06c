import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanDetails, fillSupporter, mailtoUrl } from './fill.ts';

test('fills the seed placeholders, whatever their case and spacing', () => {
  const template = 'My name is [name]. I am [Title or Role] of [ORGANIZATION], working for [community] in [zip].';
  const filled = fillSupporter(
    template,
    { name: 'Ana', role: 'director', organization: 'Casa', community: 'migrants' },
    { zip: '94110', city: null },
  );
  assert.equal(filled, 'My name is Ana. I am director of Casa, working for migrants in 94110.');
});

test('an empty field keeps its placeholder visible, and unknown brackets are left alone', () => {
  assert.equal(
    fillSupporter('I am [name] of [organization] [sic]', { name: '  ' }),
    'I am [name] of [organization] [sic]',
  );
});

test('supporter text is inserted literally, so markup stays text', () => {
  assert.equal(fillSupporter('[name]', { name: '<script>alert(1)</script>' }), '<script>alert(1)</script>');
  assert.equal(fillSupporter('[name]', { name: '$& $1' }), '$& $1');
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
