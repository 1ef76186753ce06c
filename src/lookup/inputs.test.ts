import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HttpError } from '../http/errors.ts';
import { parseDistrictInput } from './district-input.ts';
import { parseOcdId } from './ocd.ts';
import { foldName, parseState } from './state-names.ts';
import { parseZip } from './zip-input.ts';

test('ZIP input: 5 digits, ZIP+4 with or without a hyphen, trimmed', () => {
  assert.equal(parseZip('94110'), '94110');
  assert.equal(parseZip(' 02139 '), '02139');
  assert.equal(parseZip('94110-1234'), '94110');
  assert.equal(parseZip('94110 1234'), '94110');
  for (const bad of ['1234', '123456', 'ABCDE', '', '9411O', '94110-12', 'ñ'.repeat(10)]) {
    assert.throws(
      () => parseZip(bad),
      (err: unknown) => err instanceof HttpError && err.status === 400,
      bad,
    );
  }
});

test('a ZIP with a bad +4 part says what is wrong with it, not that 5 digits are too few', () => {
  const messageOf = (raw: string) => {
    try {
      parseZip(raw);
    } catch (err) {
      assert.ok(err instanceof HttpError && err.status === 400);
      return err.message;
    }
    assert.fail(`${raw} was accepted`);
  };
  assert.match(messageOf('94110-'), /^"94110-" has nothing after the hyphen/);
  assert.match(messageOf('94110-12'), /^"94110-12" has 2 digits after the hyphen; the ZIP\+4 part has 4\./);
  assert.match(messageOf('9411-01234'), /^"9411-01234" is not written like a ZIP code\./);
  assert.match(messageOf('1234'), /^"1234" has 4 digits; a ZIP code has 5\./);
  for (const raw of ['94110-', '94110-12', '9411-01234']) assert.doesNotMatch(messageOf(raw), /a ZIP code has 5/);
});

test('error messages quote input without control characters', () => {
  assert.throws(
    () => parseZip('12\u0000\u001b[31m'),
    (err: unknown) => err instanceof HttpError && ![...err.message].some((ch) => ch.charCodeAt(0) < 32),
  );
});

test('state names fold case, accents and punctuation', () => {
  assert.equal(foldName('  Hawái '), 'hawai');
  assert.equal(parseState('Hawai‘i'), 'HI', 'any apostrophe');
  assert.equal(parseState("Hawai'i"), 'HI');
  assert.equal(parseState('Hawaiian'), null, 'a near miss is not guessed');
  assert.equal(parseState('Washington, D.C.'), 'DC');
  assert.equal(parseState('Washington'), 'WA');
  assert.equal(parseState('Samoa Americana'), 'AS');
  assert.equal(parseState('islas marianas del norte'), 'MP');
  assert.equal(parseState('State of New York'), 'NY');
  assert.equal(parseState('XX'), null);
  assert.equal(parseState('x'.repeat(500)), null);
});

test('district input: codes, at-large words and OCD ids', () => {
  assert.deepEqual(parseDistrictInput('CA-12'), { kind: 'code', state: 'CA', district: 12 });
  assert.deepEqual(parseDistrictInput('ca12'), { kind: 'code', state: 'CA', district: 12 });
  assert.deepEqual(parseDistrictInput('AK-AL'), { kind: 'code', state: 'AK', district: 0 });
  assert.deepEqual(parseDistrictInput('dc 0'), { kind: 'code', state: 'DC', district: 0 });
  assert.deepEqual(parseDistrictInput('CA-012'), { kind: 'code', state: 'CA', district: 12 }, 'leading zeros');
  assert.deepEqual(parseDistrictInput('AK-01'), { kind: 'code', state: 'AK', district: 1 });
  assert.deepEqual(parseDistrictInput('ca 007'), { kind: 'code', state: 'CA', district: 7 });
  const ocd = parseDistrictInput('OCD-Division/country:us/state:CA/cd:12');
  assert.equal(ocd.kind === 'ocd' && ocd.division.id, 'ocd-division/country:us/state:ca/cd:12');
  for (const bad of ['', 'CA', 'CA-1234567', 'ZZ-1', 'California 12', 'ocd-division/country:ca']) {
    assert.throws(
      () => parseDistrictInput(bad),
      (err: unknown) => err instanceof HttpError && err.status === 400,
      bad,
    );
  }
});

test('OCD ids: states, DC, territories and legislative districts', () => {
  assert.deepEqual(parseOcdId('ocd-division/country:us/territory:pr'), {
    id: 'ocd-division/country:us/territory:pr',
    state: 'PR',
    level: 'state',
    name: null,
  });
  assert.equal(parseOcdId('ocd-division/country:us/state:nh/sldl:hillsborough_12')?.name, 'hillsborough_12');
  assert.equal(parseOcdId('ocd-division/country:us/district:dc/ward:2')?.level, 'ward');
  assert.equal(parseOcdId('ocd-division/country:us')?.level, 'country');
  assert.equal(parseOcdId('ocd-division/country:us/state:zz'), null);
  assert.equal(parseOcdId('ocd-division/country:us/state:ca/county:alameda'), null);
});
