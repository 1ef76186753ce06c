import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { capturingLogger } from '../actions/test-helpers.ts';
import { loadTestSettings } from '../config.ts';
import { createTestStore, dialectsUnderTest } from './testing.ts';

const settings = loadTestSettings();

async function terminate(pids: number[]): Promise<void> {
  const admin = new pg.Client({ connectionString: settings.databaseUrl ?? '' });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where pid = any($1::int[])', [pids]);
  } finally {
    await admin.end();
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(condition(), what);
}

test('PostgreSQL terminating pooled connections is logged, and the next query opens a new one', async (t) => {
  if (!dialectsUnderTest().includes('postgres')) {
    t.skip('needs TEST_DATABASE_URL');
    return;
  }
  const store = await createTestStore('postgres');
  const { logger, lines } = capturingLogger('debug');
  const handle = store.reopen({ logger, poolSize: 3 });
  try {
    // Three statements at once hold three connections; afterwards they sit idle in the pool.
    const pidOf = () =>
      sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`
        .execute(handle.db)
        .then((r) => r.rows[0]!.pid);
    const idle = await Promise.all([pidOf(), pidOf(), pidOf()]);
    assert.equal(new Set(idle).size, 3);
    // What a restart, a failover or an idle timeout does to them.
    await terminate(idle);
    await until(() => lines.filter((l) => l.includes('database connection lost')).length === 3, 'each loss is logged');
    const fresh = await pidOf();
    assert.ok(!idle.includes(fresh), 'a new connection serves the next query');

    // A connection lost in the middle of a transaction fails that transaction, not the process.
    await assert.rejects(
      handle.db.transaction().execute(async (trx) => {
        const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!;
        await terminate([pid]);
        await until(() => lines.length > 3, 'the lost connection is reported');
        await sql`select 1`.execute(trx);
      }),
    );
    assert.equal((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]?.one, 1);
    for (const line of lines) {
      const fields = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(fields).sort(), ['code', 'error', 'level', 'msg', 'time']);
      assert.equal(fields.level, 'warn');
    }
  } finally {
    await handle.close();
    await store.dispose();
  }
});
