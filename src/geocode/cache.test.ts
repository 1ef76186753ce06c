import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { AnswerCache, addressKey } from './cache.ts';

test('the same address written differently hits the same entry', () => {
  const cache = new AnswerCache<string>(fixedClock('2026-11-28T00:00:00Z'), { maxEntries: 10, ttlMs: 1000 });
  cache.set('1600 Pennsylvania Ave NW, Washington, DC 20500', 'dc');
  assert.equal(cache.get('  1600 PENNSYLVANIA AVE NW  WASHINGTON DC 20500 '), 'dc');
  assert.equal(cache.get('1601 Pennsylvania Ave NW, Washington, DC 20500'), undefined);
});

test('keys are hashes: the address is not stored in the clear', () => {
  const cache = new AnswerCache<string>(fixedClock('2026-11-28T00:00:00Z'));
  cache.set('742 Evergreen Terrace, Springfield', 'x');
  const [key] = cache.keys();
  assert.match(key ?? '', /^[0-9a-f]{64}$/);
  assert.equal(key, addressKey('742 evergreen terrace springfield'));
  assert.doesNotMatch(JSON.stringify(cache.keys()), /evergreen/i);
});

test('entries expire after the TTL', () => {
  const clock = fixedClock('2026-11-28T00:00:00Z');
  const cache = new AnswerCache<string>(clock, { maxEntries: 10, ttlMs: 1000 });
  cache.set('a st', 'a');
  clock.advance(999);
  assert.equal(cache.get('a st'), 'a');
  clock.advance(1001);
  assert.equal(cache.get('a st'), undefined);
  assert.equal(cache.size, 0);
});

test('holds at most maxEntries, dropping the least recently used', () => {
  const cache = new AnswerCache<string>(fixedClock('2026-11-28T00:00:00Z'), { maxEntries: 2, ttlMs: 1000 });
  cache.set('a st', 'a');
  cache.set('b st', 'b');
  cache.get('a st');
  cache.set('c st', 'c');
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b st'), undefined);
  assert.equal(cache.get('a st'), 'a');
  assert.equal(cache.get('c st'), 'c');
});
