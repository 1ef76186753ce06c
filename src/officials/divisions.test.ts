import assert from 'node:assert/strict';
import { test } from 'node:test';
import { houseDivision, legislativeDivision, ocdPart, parseHouseDivision, stateDivision } from './divisions.ts';

test('builds state, district and territory divisions in the OCD forms', () => {
  assert.equal(stateDivision('CA'), 'ocd-division/country:us/state:ca');
  assert.equal(stateDivision('DC'), 'ocd-division/country:us/district:dc');
  assert.equal(stateDivision('PR'), 'ocd-division/country:us/territory:pr');
});

test('puts at-large and delegate House seats on the state or territory division', () => {
  assert.equal(houseDivision('CA', 12), 'ocd-division/country:us/state:ca/cd:12');
  assert.equal(houseDivision('AK', 0), 'ocd-division/country:us/state:ak');
  assert.equal(houseDivision('GU', 0), 'ocd-division/country:us/territory:gu');
});

test('parses House divisions back, with district 0 for a whole state', () => {
  assert.deepEqual(parseHouseDivision('ocd-division/country:us/state:ca/cd:12'), { state: 'CA', district: 12 });
  assert.deepEqual(parseHouseDivision('ocd-division/country:us/territory:vi'), { state: 'VI', district: 0 });
  assert.equal(parseHouseDivision('ocd-division/country:us/state:zz'), null);
  assert.equal(parseHouseDivision('ocd-division/country:us/state:ca/sldu:1'), null);
});

test('normalises state legislative district names into OCD id parts', () => {
  assert.equal(ocdPart('Hillsborough 12'), 'hillsborough_12');
  assert.equal(ocdPart('Chittenden-Central'), 'chittenden-central');
  assert.equal(ocdPart('Mayagüez-Aguadilla'), 'mayaguez-aguadilla');
  assert.equal(legislativeDivision('CA', 'lower', '80'), 'ocd-division/country:us/state:ca/sldl:80');
  assert.equal(legislativeDivision('NE', 'legislature', '12'), 'ocd-division/country:us/state:ne/sldu:12');
  assert.equal(legislativeDivision('DC', 'legislature', 'Ward 3'), 'ocd-division/country:us/district:dc/ward:3');
  assert.equal(legislativeDivision('DC', 'legislature', 'At-Large'), 'ocd-division/country:us/district:dc');
  assert.equal(legislativeDivision('PR', 'upper', 'At-Large'), 'ocd-division/country:us/territory:pr');
});
