import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { getJson } from './http.ts';
import { type FakeProvider, startFakeProvider } from './testing/fake-provider.ts';
import { GeocoderError } from './types.ts';

/**
 * The deadline across attempts, against a slow local server: a supporter waits about the
 * configured timeout before the fallback, not once per attempt. The bounds below leave half a
 * timeout of slack for a busy machine; what they rule out is a second full timeout.
 */
let server: FakeProvider;
before(async () => {
  server = await startFakeProvider('/');
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const TIMEOUT_MS = 600;
const get = (options: { retryDelayMs?: number } = {}) =>
  getJson(new URL('search', server.baseUrl), { provider: 'census', timeoutMs: TIMEOUT_MS, ...options });
const failsWith = (failure: string) => (err: unknown) => err instanceof GeocoderError && err.failure === failure;

test('a provider slower than the timeout is asked once: the deadline has passed, so no retry', async () => {
  server.reply({ body: { late: true }, delayMs: 5000 });
  await assert.rejects(get(), failsWith('timeout'));
  assert.equal(server.requests.length, 1);
  await server.whenAbandoned();
});

test('a quick 503, then a slow answer: the retry gets only what is left of the deadline', async () => {
  // After a 300 ms pause the retry has about 300 ms left: an answer 500 ms after it is asked is
  // abandoned, although it would arrive within a fresh 600 ms timeout.
  server.reply({ status: 503, body: { error: 'busy' } }, { body: { late: true }, delayMs: 500 });
  await assert.rejects(get({ retryDelayMs: 300 }), failsWith('timeout'));
  assert.equal(server.requests.length, 2, 'the quick failure was retried');
  await server.whenAbandoned();
});

test('a quick 502 is retried within the deadline, and the retry answers', async () => {
  server.reply({ status: 502, body: 'Bad Gateway' }, { body: { ok: true } });
  const answer = await get();
  assert.deepEqual(answer, { status: 200, body: { ok: true } });
  assert.equal(server.requests.length, 2);
});

test('no retry when the pause before it would leave too little of the deadline', async () => {
  server.reply({ status: 503, body: { error: 'busy' } }, { body: { ok: true } });
  await assert.rejects(get({ retryDelayMs: TIMEOUT_MS - 50 }), failsWith('server_error'));
  assert.equal(server.requests.length, 1);
});
