import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { fixedClock } from '../clock.ts';
import { handleError } from './error-handler.tsx';
import { RateLimiter, rateLimit } from './rate-limit.ts';

const MIN = 60_000;

test('allows the limit per window, then refuses with the seconds until the next allowed request', () => {
  const clock = fixedClock('2026-11-28T12:00:00Z'); // on a 10-minute window boundary
  const limiter = new RateLimiter({ limit: 3, windowMs: 10 * MIN, clock });
  assert.deepEqual(
    [1, 2, 3].map(() => limiter.hit('a').allowed),
    [true, true, true],
  );
  const refused = limiter.hit('a');
  assert.equal(refused.allowed, false);
  // 3 in this window: the next window allows one once a third of this window's weight has slid out.
  assert.equal(refused.retryAfterS, 10 * 60 + 200);
  assert.equal(limiter.hit('b').allowed, true, 'other clients are counted apart');
  clock.advance(refused.retryAfterS * 1000 - 1000);
  assert.equal(limiter.hit('a').allowed, false, 'not before Retry-After');
  clock.advance(1000);
  assert.equal(limiter.hit('a').allowed, true, 'allowed at Retry-After');
});

test('does not allow a double burst across a window boundary', () => {
  const clock = fixedClock('2026-11-28T12:09:00Z'); // last minute of a 10-minute window
  const limiter = new RateLimiter({ limit: 10, windowMs: 10 * MIN, clock });
  for (let i = 0; i < 10; i++) assert.equal(limiter.hit('a').allowed, true);
  clock.advance(2 * MIN); // a fixed window would reset here
  let allowed = 0;
  for (let i = 0; i < 10; i++) if (limiter.hit('a').allowed) allowed++;
  // One minute into the new window, 9/10 of the previous window's 10 still weigh in: one more at most.
  assert.equal(allowed, 1);
});

test('a client’s counts carry over to its new key when given the old one', () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const limiter = new RateLimiter({ limit: 5, windowMs: 10 * MIN, clock });
  for (let i = 0; i < 4; i++) assert.equal(limiter.hit('old').allowed, true);
  assert.equal(limiter.hit('new', 1, 'old').allowed, true, 'the fifth');
  assert.equal(limiter.hit('new', 1, 'old').allowed, false, 'the sixth, though "new" has one');
  assert.equal(limiter.size, 1, 'the old key is gone');
  // From the previous window, the old counts weigh in as the previous window's.
  const later = new RateLimiter({ limit: 5, windowMs: 10 * MIN, clock });
  for (let i = 0; i < 5; i++) later.hit('old');
  clock.advance(10 * MIN);
  assert.equal(later.hit('new', 1, 'old').allowed, false);
  assert.equal(later.hit('fresh').allowed, true);
});

test('tracks a bounded number of clients, dropping stale ones first', () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const limiter = new RateLimiter({ limit: 1, windowMs: MIN, clock, maxKeys: 100 });
  for (let i = 0; i < 100; i++) limiter.hit(`old-${i}`);
  clock.advance(3 * MIN);
  for (let i = 0; i < 50; i++) limiter.hit(`new-${i}`);
  assert.equal(limiter.size, 50, 'expired clients were swept');
  for (let i = 0; i < 1000; i++) limiter.hit(`flood-${i}`);
  assert.ok(limiter.size <= 100);
});

test('middleware answers 429 with Retry-After and an error body', async () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const limiter = new RateLimiter({ limit: 2, windowMs: MIN, clock });
  const app = new Hono();
  app.onError(handleError({ debug() {}, info() {}, warn() {}, error() {} }));
  app.post('/api/login', rateLimit({ limiter, key: (c) => c.req.header('x-client') ?? '' }), (c) => c.text('ok'));
  const post = (client: string) => app.request('/api/login', { method: 'POST', headers: { 'x-client': client } });
  assert.equal((await post('a')).status, 200);
  assert.equal((await post('a')).status, 200);
  const refused = await post('a');
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), String(60 + 30));
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate_limited');
  assert.equal((await post('b')).status, 200);
  limiter.reset('a');
  assert.equal((await post('a')).status, 200);
});
