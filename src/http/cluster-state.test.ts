import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { fixedClock } from '../clock.ts';
import { ClaimSet } from './claim-set.ts';
import { createClientKeyer } from './client-key.ts';
import { connectClusterState, serveClusterState } from './cluster-state.ts';
import { RateLimiter } from './rate-limit.ts';
import { SharedClaims, SharedLimiter } from './shared-limits.ts';

/**
 * The primary and its workers in one process, joined by channels that deliver messages on a later
 * turn of the event loop, as IPC does. `answering: false` is a primary that never replies.
 */
function cluster(options: { answering?: boolean } = {}) {
  const primary = new EventEmitter();
  const worker = () => {
    const inbox = new EventEmitter();
    const handle = { send: (reply: unknown) => setImmediate(() => inbox.emit('message', reply)) };
    return {
      connected: true,
      send(message: unknown, callback: (err: Error | null) => void) {
        if (options.answering !== false) setImmediate(() => primary.emit('message', handle, message));
        callback(null);
        return true;
      },
      on: (event: 'message', listener: (message: unknown) => void) => inbox.on(event, listener),
    };
  };
  return { primary, worker };
}

const MIN = 60_000;

test('workers of one server key a client alike and share its limit and its repeats', async () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const { primary, worker } = cluster();
  serveClusterState(primary, { clock, keyGraceMs: 60 * MIN });
  const [a, b] = await Promise.all([connectClusterState(worker()), connectClusterState(worker())]);
  assert.ok(a.keyChain, 'the primary handed out the salts');
  assert.deepEqual(a.keyChain, b.keyChain);
  const keyers = [a, b].map((state) =>
    createClientKeyer({ clock, proxyTrust: { kind: 'none' }, ...(state.keyChain ? { chain: state.keyChain } : {}) }),
  );
  const key = keyers[0]!.keyFor('198.51.100.7');
  assert.equal(keyers[1]!.keyFor('198.51.100.7'), key, 'the same key in every worker');

  const params = { limit: 3, windowMs: 10 * MIN };
  const limiters = [a, b].map(
    (state) => new SharedLimiter('actions', new RateLimiter({ ...params, clock }), params, () => null, state),
  );
  const allowed: boolean[] = [];
  for (let i = 0; i < 6; i++) allowed.push((await limiters[i % 2]!.hit(key)).allowed);
  assert.deepEqual(allowed, [true, true, true, false, false, false], 'three in all, not three per worker');

  const claims = [a, b].map((state) => new SharedClaims('repeats', new ClaimSet(clock), 60 * MIN, state));
  assert.equal(await claims[0]!.claim('report', null), true);
  assert.equal(await claims[1]!.claim('report', null), false, 'a repeat, though this worker never saw it');
  claims[0]!.release('report');
  await new Promise((r) => setImmediate(r));
  assert.equal(await claims[1]!.claim('report', null), true, 'released everywhere');
});

test('a worker whose primary does not answer decides from what it has seen itself', async () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const { worker } = cluster({ answering: false });
  const state = await connectClusterState(worker(), { timeoutMs: 5, startTimeoutMs: 20 });
  assert.equal(state.keyChain, null);
  const params = { limit: 2, windowMs: 10 * MIN };
  const limiter = new SharedLimiter('actions', new RateLimiter({ ...params, clock }), params, () => null, state);
  const decisions = [await limiter.hit('k'), await limiter.hit('k'), await limiter.hit('k')];
  assert.deepEqual(
    decisions.map((d) => d.allowed),
    [true, true, false],
  );
  const claims = new SharedClaims('repeats', new ClaimSet(clock), 60 * MIN, state);
  assert.equal(await claims.claim('report', null), true);
  assert.equal(await claims.claim('report', null), false);
});

test('a closed channel is no primary at all: nothing is sent, the worker decides alone', async () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const state = await connectClusterState({ connected: false, on: () => undefined });
  assert.equal(state.keyChain, null);
  assert.equal(await state.hit('actions', { limit: 1, windowMs: MIN }, 'k', null, 1), null);
  const claims = new SharedClaims('repeats', new ClaimSet(clock), 60 * MIN, state);
  assert.equal(await claims.claim('report', null), true);
  claims.release('report');
});
