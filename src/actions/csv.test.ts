import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, csvLine } from './csv.ts';

test('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hola"'), '"say ""hola"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(12), '12');
  assert.equal(csvLine(['a', null, 'b,c']), 'a,,"b,c"\r\n');
});

test('neutralises spreadsheet formulas so they open as text', () => {
  assert.equal(csvField('=HYPERLINK("http://evil.example","x")'), '"\'=HYPERLINK(""http://evil.example"",""x"")"');
  assert.equal(csvField('+1 555'), "'+1 555");
  assert.equal(csvField('-2+3'), "'-2+3");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('\t=1'), "'\t=1");
  assert.equal(csvField('José = friend'), 'José = friend', 'only a leading sign is a formula');
});
