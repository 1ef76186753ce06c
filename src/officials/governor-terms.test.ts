import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasPlaceholderTermEnd, isGovernorTermEnd } from './governor-terms.ts';

test('a regular term ends from November of an election year to January of the next', () => {
  assert.equal(isGovernorTermEnd('NC', '2025-01-01'), true, 'elected 2024');
  assert.equal(isGovernorTermEnd('ND', '2024-12-15'), true, 'North Dakota starts on December 15');
  assert.equal(isGovernorTermEnd('KY', '2023-12-12'), true, 'Kentucky elects in odd years');
  assert.equal(isGovernorTermEnd('VA', '2026-01-17'), true);
  assert.equal(isGovernorTermEnd('CA', '2027-01-04'), true);
  assert.equal(isGovernorTermEnd('DC', '2023-01-02'), true, "the District's mayor");
});

test('a date mid-term, or a year without an election, is not a regular end', () => {
  assert.equal(isGovernorTermEnd('CA', '2026-01-01'), false, 'California elects in 2022 and 2026, not 2025');
  assert.equal(isGovernorTermEnd('NC', '2024-06-30'), false);
  assert.equal(isGovernorTermEnd('VA', '2025-01-15'), false);
});

test('New Hampshire and Vermont elect every two years', () => {
  assert.equal(isGovernorTermEnd('NH', '2025-01-02'), true);
  assert.equal(isGovernorTermEnd('NH', '2027-01-07'), true);
  assert.equal(isGovernorTermEnd('VT', '2026-01-08'), false);
});

test('says nothing of places whose calendar it does not hold, or of partial dates', () => {
  assert.equal(isGovernorTermEnd('GU', '2027-01-04'), null);
  assert.equal(isGovernorTermEnd('CA', '2027'), null);
});

test('a governor’s end date that no regular term ends on is a placeholder; a real term end is not', () => {
  // Newsom's record says 2026-01-01; California's term ends on the Monday after January 1, 2027.
  assert.equal(hasPlaceholderTermEnd({ role: 'governor', state: 'CA', termEnd: '2026-01-01' }), true);
  assert.equal(hasPlaceholderTermEnd({ role: 'governor', state: 'CA', termEnd: '2027-01-04' }), false);
  assert.equal(hasPlaceholderTermEnd({ role: 'senator', state: 'CA', termEnd: '2026-01-01' }), false);
  assert.equal(hasPlaceholderTermEnd({ role: 'governor', state: 'CA', termEnd: null }), false);
});
