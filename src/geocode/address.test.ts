import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HttpError } from '../http/errors.ts';
import { cleanAddress, isZipQuery, zipFromAddress } from './address.ts';

test('a ZIP or ZIP+4 is a ZIP query; anything with a street is not', () => {
  assert.equal(isZipQuery('94110'), true);
  assert.equal(isZipQuery(' 20500-0003 '), true);
  assert.equal(isZipQuery('1600 Pennsylvania Ave NW, Washington, DC 20500'), false);
  assert.equal(isZipQuery('9411'), false);
});

test('finds the ZIP at the end, not the house number', () => {
  assert.equal(zipFromAddress('1600 Pennsylvania Ave NW, Washington, DC 20500'), '20500');
  assert.equal(zipFromAddress('1600 Pennsylvania Ave NW, Washington, DC 20500-0003'), '20500');
  assert.equal(zipFromAddress('12345 Main St, Springfield, IL'), null);
  assert.equal(zipFromAddress('12345 Main St, Springfield, IL 62701'), '62701');
  assert.equal(zipFromAddress('1 Main St'), null);
});

test('collapses spacing and strips control characters', () => {
  assert.equal(cleanAddress('  1 Main\u0000 St,\n Springfield  '), '1 Main St, Springfield');
});

test('refuses empty, numeric-only and overlong input with a specific 400', () => {
  for (const bad of ['', '   ', '12345', 'x'.repeat(201)]) {
    assert.throws(
      () => cleanAddress(bad),
      (err: unknown) => err instanceof HttpError && err.status === 400 && err.code === 'invalid_address',
    );
  }
});
