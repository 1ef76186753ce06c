import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { createLoginLimiter } from './login-limiter.ts';

const limits = { perClient: 4, perAccount: 2, windowMs: 60_000 };

test('an account locks after its failures, from any client, until the window passes', () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, limits);
  limiter.recordFailure('client-a', 'ana@example.org');
  assert.equal(limiter.retryAfterMs('client-b', 'ana@example.org'), 0);
  clock.advance(10_000);
  limiter.recordFailure('client-b', 'ANA@example.org ');
  assert.equal(limiter.retryAfterMs('client-c', 'ana@example.org'), 50_000);
  assert.equal(limiter.retryAfterMs('client-c', 'bea@example.org'), 0);
  clock.advance(50_000);
  assert.equal(limiter.retryAfterMs('client-c', 'ana@example.org'), 0);
});

test('a client locks after guessing across many accounts', () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, limits);
  for (const email of ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org']) limiter.recordFailure('client-a', email);
  assert.ok(limiter.retryAfterMs('client-a', 'new@x.org') > 0);
  assert.equal(limiter.retryAfterMs('client-b', 'new@x.org'), 0);
});

test('a success clears the account count but not the client count', () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, { ...limits, perClient: 3 });
  limiter.recordFailure('client-a', 'ana@example.org');
  limiter.recordFailure('client-a', 'ana@example.org');
  assert.ok(limiter.retryAfterMs('client-z', 'ana@example.org') > 0);
  limiter.recordSuccess('ana@example.org');
  assert.equal(limiter.retryAfterMs('client-z', 'ana@example.org'), 0);
  limiter.recordFailure('client-a', 'other@example.org');
  assert.ok(limiter.retryAfterMs('client-a', 'ana@example.org') > 0);
});
