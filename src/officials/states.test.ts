import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StateCode } from '../domain.ts';
import { islandAreaForZip, STATES, stateFromFips } from './states.ts';
import { timeZoneFor } from './time-zones.ts';

const facts = Object.entries(STATES) as [StateCode, (typeof STATES)[StateCode]][];

test('apportions 435 voting House seats to the 50 states, plus 6 non-voting seats', () => {
  const states = facts.filter(([, f]) => f.kind === 'state');
  assert.equal(states.length, 50);
  assert.equal(
    states.reduce((n, [, f]) => n + f.house, 0),
    435,
  );
  assert.equal(
    facts.reduce((n, [, f]) => n + f.house, 0),
    441,
  );
});

test('gives each state two different Senate classes, 33 or 34 states per class', () => {
  const perClass = { 1: 0, 2: 0, 3: 0 };
  for (const [code, f] of facts) {
    if (f.kind !== 'state') {
      assert.equal(f.senateClasses, null, code);
      continue;
    }
    const [a, b] = f.senateClasses!;
    assert.notEqual(a, b, code);
    perClass[a]++;
    perClass[b]++;
  }
  assert.deepEqual(perClass, { 1: 33, 2: 33, 3: 34 });
});

test('finds states by FIPS code and island areas by ZIP range', () => {
  assert.equal(stateFromFips('06'), 'CA');
  assert.equal(stateFromFips('72'), 'PR');
  assert.equal(stateFromFips('99'), null);
  assert.equal(islandAreaForZip('00802'), 'VI');
  assert.equal(islandAreaForZip('96799'), 'AS');
  assert.equal(islandAreaForZip('96913'), 'GU');
  assert.equal(islandAreaForZip('96951'), 'MP');
  assert.equal(islandAreaForZip('96941'), null, 'Micronesia is not a U.S. territory');
  assert.equal(islandAreaForZip('00601'), null, 'Puerto Rico is in the crosswalk');
});

test('picks an office time zone by longitude in states split between zones', () => {
  assert.equal(timeZoneFor('TX', 31.76, -106.49), 'America/Denver'); // El Paso
  assert.equal(timeZoneFor('TX', 30.27, -97.74), 'America/Chicago'); // Austin
  assert.equal(timeZoneFor('FL', 30.42, -87.22), 'America/Chicago'); // Pensacola
  assert.equal(timeZoneFor('FL', 25.76, -80.19), 'America/New_York'); // Miami
  assert.equal(timeZoneFor('TN', 35.96, -83.92), 'America/New_York'); // Knoxville
  assert.equal(timeZoneFor('TN', 36.16, -86.78), 'America/Chicago'); // Nashville
  assert.equal(timeZoneFor('IN', 37.97, -87.57), 'America/Chicago'); // Evansville
  assert.equal(timeZoneFor('IN', 39.77, -86.16), 'America/Indiana/Indianapolis');
  assert.equal(timeZoneFor('ID', 47.68, -116.78), 'America/Los_Angeles'); // Coeur d'Alene
  assert.equal(timeZoneFor('TX', null, null), 'America/Chicago');
  assert.equal(timeZoneFor('GU', 13.45, 144.75), 'Pacific/Guam');
});
