import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partyName } from './party.ts';

test('members of Congress and state officials share one party vocabulary', () => {
  assert.equal(partyName('Democrat'), 'Democratic');
  assert.equal(partyName('Democratic'), 'Democratic');
  assert.equal(partyName('Republican'), 'Republican');
  assert.equal(partyName(' Independent '), 'Independent');
  assert.equal(partyName('Democratic-Farmer-Labor'), 'Democratic-Farmer-Labor');
  assert.equal(partyName(''), null);
  assert.equal(partyName(undefined), null);
});
