import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isContactForm, websiteOf } from './links.ts';

test("prefers the office's own government site over an old campaign site and reference sites", () => {
  const links = [
    { url: 'https://a18.asmdc.org' },
    { url: 'https://oag.ca.gov/' },
    { url: 'http://assembly.ca.gov/assemblymembers' },
    { url: 'https://oag.ca.gov/contact' },
    { url: 'https://ballotpedia.org/Rob_Bonta' },
  ];
  assert.equal(websiteOf(links), 'https://oag.ca.gov/');
  assert.equal(links.find(isContactForm)?.url, 'https://oag.ca.gov/contact');
});

test('a link noted as the home page wins, and a lone non-government link is still used', () => {
  assert.equal(
    websiteOf([{ url: 'https://x.gov/' }, { url: 'https://me.example/', note: 'homepage' }]),
    'https://me.example/',
  );
  assert.equal(
    websiteOf([{ url: 'https://ballotpedia.org/X' }, { url: 'https://me.example/' }]),
    'https://me.example/',
  );
  assert.equal(websiteOf([]), null);
});

test('state .us domains count as government sites', () => {
  assert.equal(
    websiteOf([{ url: 'https://old.example/' }, { url: 'https://www.legis.state.ak.us/' }]),
    'https://www.legis.state.ak.us/',
  );
});
