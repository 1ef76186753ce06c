import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testEachDialect } from '../db/testing.ts';
import type { NewAction } from './action.ts';
import { insertActionsAtomically } from './action-repository.ts';
import { GroupCommit, QueueFullError, WriterClosedError, WriteTimeoutError } from './group-commit.ts';
import { addCampaign } from './test-helpers.ts';

const at = '2026-11-28T12:00:00.000Z';
const action = (campaignId: number, target: string): NewAction => ({
  campaignId,
  target,
  channel: 'call',
  outcome: 'contacted',
  state: 'CA',
  district: '12',
  language: 'en',
  createdAt: at,
});

function deferred() {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

testEachDialect('gathers concurrent writes into few transactions and stores every one', async (store) => {
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const sizes: number[] = [];
  const writer = new GroupCommit<NewAction>({
    windowMs: 5,
    write: (items) => insertActionsAtomically(store.handle, items),
    onBatch: ({ size }) => sizes.push(size),
  });
  await Promise.all(Array.from({ length: 300 }, (_, i) => writer.submit(action(campaign.id, `t-${i}`))));
  assert.equal(
    sizes.reduce((a, b) => a + b, 0),
    300,
  );
  assert.ok(sizes.length <= 3, `300 concurrent writes took ${sizes.length} transactions`);
  assert.equal(writer.stats.items, 300);
  const { n } = await store.handle.db
    .selectFrom('actions')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(n), 300);
  await writer.close();
});

testEachDialect('acknowledges a write only once another connection can read it', async (store) => {
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const other = store.reopen();
  const writer = new GroupCommit<NewAction>({
    windowMs: 2,
    write: (items) => insertActionsAtomically(store.handle, items),
  });
  const checks = Array.from({ length: 40 }, async (_, i) => {
    await writer.submit(action(campaign.id, `seen-${i}`));
    const row = await other.db.selectFrom('actions').select('id').where('target', '=', `seen-${i}`).executeTakeFirst();
    assert.ok(row, `acknowledged seen-${i} is committed`);
  });
  await Promise.all(checks);
  await writer.close();
  await other.close();
});

testEachDialect('a failing transaction rejects every waiter in it and stores none of its rows', async (store) => {
  const campaign = await addCampaign(store.handle.db, 'asylum');
  const writer = new GroupCommit<NewAction>({
    windowMs: 20,
    write: (items) => insertActionsAtomically(store.handle, items),
  });
  // One row names a campaign that does not exist: the foreign key fails the whole transaction.
  const batch = [
    writer.submit(action(campaign.id, 'good-1')),
    writer.submit(action(campaign.id + 1000, 'orphan')),
    writer.submit(action(campaign.id, 'good-2')),
  ];
  const settled = await Promise.allSettled(batch);
  assert.deepEqual(
    settled.map((s) => s.status),
    ['rejected', 'rejected', 'rejected'],
  );
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 0);
  // The writer recovers: the next batch commits.
  await writer.submit(action(campaign.id, 'after'));
  assert.equal((await store.handle.db.selectFrom('actions').selectAll().execute()).length, 1);
  assert.equal(writer.stats.failures, 1);
  await writer.close();
});

test('a submit resolves only after its transaction has committed', async () => {
  const commit = deferred();
  const writer = new GroupCommit<number>({ windowMs: 0, write: () => commit.promise });
  let acknowledged = false;
  const pending = writer.submit(1).then(() => {
    acknowledged = true;
  });
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(acknowledged, false);
  commit.resolve();
  await pending;
  assert.equal(acknowledged, true);
});

test('writes that arrive during a commit wait for it and then go together', async () => {
  const commits = [deferred(), deferred()];
  const batches: number[][] = [];
  const writer = new GroupCommit<number>({
    windowMs: 0,
    write: (items) => {
      batches.push(items);
      return commits[batches.length - 1]!.promise;
    },
  });
  const first = writer.submit(1);
  await new Promise((r) => setTimeout(r, 10));
  const later = [writer.submit(2), writer.submit(3), writer.submit(4)];
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(batches, [[1]], 'only one transaction is in flight');
  commits[0]!.resolve();
  await first;
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(batches, [[1], [2, 3, 4]]);
  commits[1]!.resolve();
  await Promise.all(later);
});

test('refuses new writes when the queue is full, and accepts them again once it drains', async () => {
  const commit = deferred();
  const writer = new GroupCommit<number>({ windowMs: 0, maxPending: 3, write: () => commit.promise });
  const inFlight = writer.submit(0);
  await new Promise((r) => setTimeout(r, 10));
  const queued = [writer.submit(1), writer.submit(2), writer.submit(3)];
  await assert.rejects(writer.submit(4), QueueFullError);
  commit.resolve();
  await Promise.all([inFlight, ...queued]);
  await writer.submit(5);
});

test('close writes everything still waiting, then refuses new writes', async () => {
  const written: number[] = [];
  const writer = new GroupCommit<number>({
    windowMs: 1000,
    write: async (items) => {
      written.push(...items);
    },
  });
  const waiting = [writer.submit(1), writer.submit(2)];
  await writer.close();
  await Promise.all(waiting);
  assert.deepEqual(written, [1, 2]);
  await assert.rejects(writer.submit(3), WriterClosedError);
});

test('with maxInFlight 2, a second transaction starts while the first commits, and no more', async () => {
  const commits = [deferred(), deferred(), deferred()];
  const batches: number[][] = [];
  const writer = new GroupCommit<number>({
    windowMs: 0,
    maxInFlight: 2,
    write: (items) => {
      batches.push(items);
      return commits[batches.length - 1]!.promise;
    },
  });
  const first = writer.submit(1);
  await new Promise((r) => setTimeout(r, 10));
  const second = writer.submit(2);
  await new Promise((r) => setTimeout(r, 10));
  const third = [writer.submit(3), writer.submit(4)];
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(batches, [[1], [2]], 'two in flight, the rest wait');
  commits[1]!.resolve();
  await second;
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(batches, [[1], [2], [3, 4]]);
  commits[0]!.resolve();
  commits[2]!.resolve();
  await Promise.all([first, ...third]);
  await writer.close();
});

test('past its deadline a submit is refused: a waiting item is never written, one in flight says if it was', async () => {
  const commits = [deferred(), deferred()];
  const batches: number[][] = [];
  const writer = new GroupCommit<number>({
    windowMs: 0,
    deadlineMs: 40,
    write: (items) => {
      batches.push(items);
      return commits[batches.length - 1]!.promise;
    },
  });
  const timeoutOf = async (submitted: Promise<void>): Promise<WriteTimeoutError> => {
    const err = await submitted.then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(err instanceof WriteTimeoutError, String(err));
    return err;
  };
  const flying = writer.submit(1);
  await new Promise((r) => setTimeout(r, 5));
  const waiting = writer.submit(2);
  const [inFlight, queued] = await Promise.all([timeoutOf(flying), timeoutOf(waiting)]);
  assert.equal(await queued.written, false, 'the waiting item was dropped');
  commits[0]!.resolve();
  assert.equal(await inFlight.written, true, 'its transaction committed after the deadline');
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(batches, [[1]], 'the dropped item is not written later');

  const failing = timeoutOf(writer.submit(3));
  await new Promise((r) => setTimeout(r, 5));
  const err = await failing;
  commits[1]!.reject(new Error('connection lost'));
  assert.equal(await err.written, false);
  await writer.close();
});
