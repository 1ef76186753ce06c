import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { CircuitBreaker } from './breaker.ts';

const options = { failureThreshold: 3, cooldownMs: 10_000 };

function failTimes(breaker: CircuitBreaker, n: number): void {
  for (let i = 0; i < n; i++) {
    assert.equal(breaker.tryAcquire(), true);
    breaker.recordFailure();
  }
}

test('stays closed below the failure threshold', () => {
  const breaker = new CircuitBreaker(fixedClock('2026-11-28T00:00:00Z'), options);
  failTimes(breaker, 2);
  assert.equal(breaker.state, 'closed');
  assert.equal(breaker.tryAcquire(), true);
});

test('opens after N consecutive failures and refuses calls during the cool-down', () => {
  const clock = fixedClock('2026-11-28T00:00:00Z');
  const breaker = new CircuitBreaker(clock, options);
  failTimes(breaker, 3);
  assert.equal(breaker.state, 'open');
  assert.equal(breaker.tryAcquire(), false);
  clock.advance(9_999);
  assert.equal(breaker.tryAcquire(), false);
  assert.equal(breaker.retryAfterMs(), 1);
});

test('a success resets the count of consecutive failures', () => {
  const breaker = new CircuitBreaker(fixedClock('2026-11-28T00:00:00Z'), options);
  failTimes(breaker, 2);
  breaker.tryAcquire();
  breaker.recordSuccess();
  failTimes(breaker, 2);
  assert.equal(breaker.state, 'closed');
});

test('after the cool-down lets exactly one probe through (half-open)', () => {
  const clock = fixedClock('2026-11-28T00:00:00Z');
  const breaker = new CircuitBreaker(clock, options);
  failTimes(breaker, 3);
  clock.advance(10_000);
  assert.equal(breaker.tryAcquire(), true);
  assert.equal(breaker.state, 'half_open');
  assert.equal(breaker.tryAcquire(), false, 'a second caller must not pile onto the probe');
});

test('a successful probe closes the breaker', () => {
  const clock = fixedClock('2026-11-28T00:00:00Z');
  const breaker = new CircuitBreaker(clock, options);
  failTimes(breaker, 3);
  clock.advance(10_000);
  breaker.tryAcquire();
  breaker.recordSuccess();
  assert.equal(breaker.state, 'closed');
  assert.equal(breaker.tryAcquire(), true);
  assert.equal(breaker.tryAcquire(), true);
});

test('a failed probe opens the breaker for another full cool-down', () => {
  const clock = fixedClock('2026-11-28T00:00:00Z');
  const breaker = new CircuitBreaker(clock, options);
  failTimes(breaker, 3);
  clock.advance(10_000);
  breaker.tryAcquire();
  breaker.recordFailure();
  assert.equal(breaker.state, 'open');
  clock.advance(5_000);
  assert.equal(breaker.tryAcquire(), false);
  clock.advance(5_000);
  assert.equal(breaker.tryAcquire(), true);
});

test('a probe that never reached the provider frees the half-open slot without closing or opening', () => {
  const clock = fixedClock('2026-11-28T00:00:00Z');
  const breaker = new CircuitBreaker(clock, options);
  failTimes(breaker, 3);
  clock.advance(10_000);
  assert.equal(breaker.tryAcquire(), true);
  breaker.release();
  assert.equal(breaker.state, 'half_open');
  assert.equal(breaker.tryAcquire(), true, 'the next caller may probe');
  breaker.recordFailure();
  assert.equal(breaker.state, 'open');
});

test('released calls do not count as failures while closed', () => {
  const breaker = new CircuitBreaker(fixedClock('2026-11-28T00:00:00Z'), options);
  for (let i = 0; i < 10; i++) {
    breaker.tryAcquire();
    breaker.release();
  }
  failTimes(breaker, 2);
  assert.equal(breaker.state, 'closed');
});
