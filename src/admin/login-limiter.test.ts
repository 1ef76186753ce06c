import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { createLoginLimiter } from './login-limiter.ts';

const limits = { perClient: 6, perAccountAndClient: 2, perAccount: 4, windowMs: 60_000 };

test('one client guessing one account is stopped, until the window passes', () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, limits);
  limiter.recordFailure('attacker', 'ana@example.org');
  assert.equal(limiter.retryAfterMs('attacker', 'ana@example.org'), 0);
  clock.advance(10_000);
  limiter.recordFailure('attacker', 'ANA@example.org ');
  assert.equal(limiter.retryAfterMs('attacker', 'ana@example.org'), 50_000);
  clock.advance(50_000);
  assert.equal(limiter.retryAfterMs('attacker', 'ana@example.org'), 0);
});

test("another client's failures do not lock the owner out", () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, limits);
  for (let i = 0; i < 3; i++) limiter.recordFailure('attacker', 'ana@example.org');
  assert.ok(limiter.retryAfterMs('attacker', 'ana@example.org') > 0);
  assert.equal(limiter.retryAfterMs('owner-laptop', 'ana@example.org'), 0);
});

test('guessing spread over many clients meets the per-account backstop, except on a known device', () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, limits);
  for (const client of ['bot-1', 'bot-2', 'bot-3', 'bot-4']) limiter.recordFailure(client, 'ana@example.org');
  assert.ok(limiter.retryAfterMs('bot-5', 'ana@example.org') > 0, 'a new bot is held');
  assert.ok(limiter.retryAfterMs('owner-laptop', 'ana@example.org') > 0, 'so is a browser never seen before');
  assert.equal(limiter.retryAfterMs('owner-laptop', 'ana@example.org', { knownDevice: true }), 0);
  // A known device still meets its own per-client limits.
  for (let i = 0; i < 2; i++) limiter.recordFailure('owner-laptop', 'ana@example.org');
  assert.ok(limiter.retryAfterMs('owner-laptop', 'ana@example.org', { knownDevice: true }) > 0);
});

test('a client locks after guessing across many accounts', () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, limits);
  for (let i = 0; i < 6; i++) limiter.recordFailure('client-a', `user${i}@x.org`);
  assert.ok(limiter.retryAfterMs('client-a', 'new@x.org', { knownDevice: true }) > 0);
  assert.equal(limiter.retryAfterMs('client-b', 'new@x.org'), 0);
});

test('a success clears that client and account pair, and nothing else', () => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const limiter = createLoginLimiter(clock, { ...limits, perClient: 3 });
  limiter.recordFailure('client-a', 'ana@example.org');
  limiter.recordFailure('client-a', 'ana@example.org');
  assert.ok(limiter.retryAfterMs('client-a', 'ana@example.org') > 0);
  limiter.recordSuccess('client-a', 'ana@example.org');
  assert.equal(limiter.retryAfterMs('client-a', 'ana@example.org'), 0);
  limiter.recordFailure('client-a', 'other@example.org');
  assert.ok(limiter.retryAfterMs('client-a', 'ana@example.org') > 0, 'the per-client count remains');
});
