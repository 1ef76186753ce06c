import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyChain } from './key-chain.ts';

const HOUR = 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

test('processes started from one snapshot derive the same salt every later day', () => {
  const primary = new KeyChain(at('2026-11-28T10:00:00Z'), HOUR);
  const snapshot = primary.snapshot(at('2026-11-28T10:00:00Z'));
  const worker = new KeyChain(at('2026-11-28T10:00:01Z'), HOUR, snapshot);
  const other = new KeyChain(at('2026-11-28T10:00:01Z'), HOUR, snapshot);
  assert.deepEqual(
    worker.saltsAt(at('2026-11-28T18:00:00Z')).current,
    primary.saltsAt(at('2026-11-28T18:00:00Z')).current,
  );
  // One process sees every day; another sleeps through three; both arrive at the same salt.
  for (const day of ['29', '30']) worker.saltsAt(at(`2026-11-${day}T12:00:00Z`));
  const dec1 = at('2026-12-01T12:00:00Z');
  assert.deepEqual(worker.saltsAt(dec1).current, other.saltsAt(dec1).current);
  assert.notDeepEqual(worker.saltsAt(dec1).current, Buffer.from(snapshot.salt, 'base64'));
});

test('yesterday’s salt is kept for the grace period after midnight, then dropped for good', () => {
  const chain = new KeyChain(at('2026-11-28T23:00:00Z'), HOUR);
  const evening = chain.saltsAt(at('2026-11-28T23:59:59Z'));
  assert.equal(evening.previous, null);
  const yesterday = Buffer.from(evening.current);
  const justAfter = chain.saltsAt(at('2026-11-29T00:00:05Z'));
  assert.deepEqual(justAfter.previous, yesterday);
  assert.notDeepEqual(justAfter.current, yesterday);
  assert.deepEqual(chain.saltsAt(at('2026-11-29T00:59:59Z')).previous, yesterday);
  assert.equal(chain.saltsAt(at('2026-11-29T01:00:00Z')).previous, null);
  assert.equal(chain.snapshot(at('2026-11-29T01:00:00Z')).previous, null, 'not handed to new processes either');
  // A clock set back does not bring it back.
  assert.equal(chain.saltsAt(at('2026-11-29T00:30:00Z')).previous, null);
  assert.deepEqual(chain.saltsAt(at('2026-11-28T23:00:00Z')).current, justAfter.current);
});
