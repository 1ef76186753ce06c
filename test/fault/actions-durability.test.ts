import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { campaignFixture } from '../../src/actions/test-helpers.ts';
import { insertCampaign } from '../../src/campaigns/campaign-repository.ts';
import { createTestStore, dialectsUnderTest } from '../../src/db/testing.ts';
import { databaseEnv, startVozServer, type VozServer } from '../support/voz-server.ts';

/**
 * Every acknowledged action survives `kill -9`: the real server takes concurrent writes, is
 * killed mid-load, restarts, and each action it answered 201 for must be in the database.
 * Requests in flight at the kill may or may not be stored; they were never acknowledged.
 */
const ROUNDS = 5;
const CONCURRENCY = 50;
const KILL_AFTER_ACKS = 400;
/**
 * Each request names its own target so every acknowledged action can be found again. Reports must
 * name a real target of the campaign, so the campaign carries that many custom targets.
 */
const TARGETS_PER_ROUND = 2000;
const targetId = (round: number, n: number) => `fault-${round}-${n}`;

async function loadUntilKilled(server: VozServer, round: number) {
  const acknowledged: string[] = [];
  let sent = 0;
  let stopping = false;
  const body = (target: string) =>
    JSON.stringify({ target, channel: 'call', outcome: 'contacted', state: 'CA', district: '12', language: 'en' });
  const worker = async () => {
    while (!stopping && sent < TARGETS_PER_ROUND) {
      const target = targetId(round, sent++);
      try {
        const res = await fetch(`${server.url}/api/v1/campaigns/fault/actions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body(target),
        });
        await res.arrayBuffer();
        if (res.status === 201) acknowledged.push(target);
        else if (!stopping) throw new Error(`unexpected ${res.status} before the kill`);
      } catch (err) {
        if (!stopping && !(err instanceof TypeError)) throw err;
        // A connection reset or refusal: the server is gone; this request was not acknowledged.
        if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, worker);
  while (acknowledged.length < KILL_AFTER_ACKS) await new Promise((r) => setTimeout(r, 5));
  server.child.kill('SIGKILL');
  const { signal } = await server.exited;
  stopping = true;
  await Promise.all(workers);
  return { acknowledged, sent, signal };
}

for (const dialect of dialectsUnderTest()) {
  test(`every acknowledged action survives kill -9, ${ROUNDS} rounds [${dialect}]`, { timeout: 600_000 }, async () => {
    const store = await createTestStore(dialect);
    try {
      const customTargets = Array.from({ length: ROUNDS * TARGETS_PER_ROUND }, (_, i) => {
        const id = targetId(Math.floor(i / TARGETS_PER_ROUND) + 1, i % TARGETS_PER_ROUND);
        return { id, name: id, title: 'Office', phone: '202-555-0100', email: null, contactUrl: null };
      });
      await insertCampaign(store.handle.db, { ...campaignFixture('fault'), customTargets });
      const env = { ...databaseEnv(store.database), ACTIONS_RATE_LIMIT: '1000000' };
      let server = await startVozServer(env);
      for (let round = 1; round <= ROUNDS; round++) {
        const { acknowledged, sent, signal } = await loadUntilKilled(server, round);
        assert.equal(signal, 'SIGKILL');
        server = await startVozServer(env); // restart on the same store (SQLite recovers its WAL)
        const check = store.reopen();
        const rows = await check.db
          .selectFrom('actions')
          .select('target')
          .where('target', 'like', `fault-${round}-%`)
          .execute();
        // The tallies are written in the same transaction as the rows: a kill leaves both or neither.
        const tallied = await check.db
          .selectFrom('action_tallies')
          .select(sql<number | string | null>`sum(count)`.as('n'))
          .where('target', 'like', `fault-${round}-%`)
          .executeTakeFirstOrThrow();
        await check.close();
        assert.equal(Number(tallied.n ?? 0), rows.length, `round ${round}: the tallies count exactly the stored rows`);
        const stored = new Set(rows.map((r) => r.target));
        const found = acknowledged.filter((t) => stored.has(t)).length;
        process.stdout.write(
          `# [${dialect}] round ${round}: sent ${sent}, acknowledged ${acknowledged.length}, ` +
            `found ${found}, lost ${acknowledged.length - found}, stored unacknowledged ${stored.size - found}\n`,
        );
        assert.equal(found, acknowledged.length, `round ${round}: every acknowledged action is stored`);
        assert.equal(stored.size, new Set(rows.map((r) => r.target)).size);
      }
      await server.stop();
    } finally {
      await store.dispose();
    }
  });
}
