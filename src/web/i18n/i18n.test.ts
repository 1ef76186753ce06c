import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES } from '../../domain.ts';
import { catalogues, format, formatDate, negotiateLanguage, translator } from './index.ts';

const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every catalogue has exactly the English keys, none empty, with the same {slots}', () => {
  const reference = catalogues.en;
  const keys = Object.keys(reference).sort();
  for (const lang of LANGUAGES) {
    const messages = catalogues[lang];
    assert.deepEqual(Object.keys(messages).sort(), keys, `${lang} keys differ from en`);
    for (const key of keys) {
      const value = messages[key as keyof typeof messages];
      assert.ok(value.trim().length > 0, `${lang}.${key} is empty`);
      assert.deepEqual(slots(value), slots(reference[key as keyof typeof reference]), `${lang}.${key} slots differ`);
    }
  }
});

test('the Spanish catalogue is really translated, not a copy of the English one', () => {
  const same = Object.entries(catalogues.es).filter(
    ([key, value]) => catalogues.en[key as keyof typeof catalogues.en] === value,
  );
  // Brand names (Voz, WhatsApp, X…) are the same in both languages; prose is not.
  assert.ok(same.length < 10, `untranslated: ${same.map(([k]) => k).join(', ')}`);
});

test('format fills slots and leaves unknown ones visible', () => {
  assert.equal(format('{done} of {total} contacted', { done: 2, total: 4 }), '2 of 4 contacted');
  assert.equal(format('Hello {name}'), 'Hello {name}');
  assert.equal(translator('es')('outcome.progress', { done: 2, total: 4 }), '2 de 4 contactados');
});

test('Accept-Language picks the highest-weighted language Voz speaks', () => {
  assert.equal(negotiateLanguage('es-MX,es;q=0.9,en;q=0.8'), 'es');
  assert.equal(negotiateLanguage('fr-FR, en;q=0.5, es;q=0.7'), 'es');
  assert.equal(negotiateLanguage('en-US,en;q=0.9'), 'en');
  assert.equal(negotiateLanguage('fr'), 'en');
  assert.equal(negotiateLanguage('es;q=0, en;q=0.1'), 'en');
  assert.equal(negotiateLanguage(undefined), 'en');
  assert.equal(negotiateLanguage('garbage;;q=x,,'), 'en');
});

test('campaign days are formatted in the reader language without shifting the day', () => {
  assert.equal(formatDate('2023-12-19', 'en'), 'December 19, 2023');
  assert.equal(formatDate('2023-12-19', 'es'), '19 de diciembre de 2023');
  assert.equal(formatDate('not a date', 'en'), 'not a date');
});
