import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { loadTestSettings } from '../config.ts';
import { openDatabase } from './database.ts';
import { createTestStore, dialectsUnderTest, testEachDialect } from './testing.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** The error a real client raises, so the test follows the drivers rather than our guess of them. */
async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

test('a PostgreSQL port that refuses, or a server that never answers, is "unavailable"', async () => {
  const refused = await errorOf(async () => {
    const client = new pg.Client({ connectionString: `postgres://voz@127.0.0.1:${await freePort()}/voz` });
    await client.connect();
  });
  assert.equal(isDatabaseUnavailable(refused), true, String(refused));

  // Accepts the connection and says nothing: the connect timeout gives up on it.
  const silent = net.createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((r) => silent.once('listening', r));
  const { port } = silent.address() as net.AddressInfo;
  const handle = openDatabase(
    { dialect: 'postgres', url: `postgres://voz@127.0.0.1:${port}/voz` },
    { timeouts: { connectMs: 100, queryMs: 100 } },
  );
  try {
    const timedOut = await errorOf(() => sql`select 1`.execute(handle.db));
    assert.equal(isDatabaseUnavailable(timedOut), true, String(timedOut));
  } finally {
    await handle.close();
    silent.close();
  }
});

test('a statement over statement_timeout is "unavailable"; a mistake in a query is not', async (t) => {
  if (!dialectsUnderTest().includes('postgres')) {
    t.skip('needs TEST_DATABASE_URL');
    return;
  }
  const handle = openDatabase(
    { dialect: 'postgres', url: loadTestSettings().databaseUrl ?? '' },
    { timeouts: { connectMs: 1000, queryMs: 50 } },
  );
  try {
    const slow = await errorOf(() => sql`select pg_sleep(1)`.execute(handle.db));
    assert.equal((slow as { code?: string }).code, '57014');
    assert.equal(isDatabaseUnavailable(slow), true);
    const typo = await errorOf(() => sql`selec 1`.execute(handle.db));
    assert.equal(isDatabaseUnavailable(typo), false);
  } finally {
    await handle.close();
  }
});

test('a SQLite file locked past busy_timeout is "unavailable"', async () => {
  const store = await createTestStore('sqlite');
  if (store.database.dialect !== 'sqlite') throw new Error('unreachable');
  const holder = new SQLite(store.database.path);
  const other = new SQLite(store.database.path, { timeout: 0 });
  try {
    holder.exec('BEGIN IMMEDIATE');
    const busy = await errorOf(async () => other.exec('CREATE TABLE probe (x)'));
    assert.equal((busy as { code?: string }).code, 'SQLITE_BUSY');
    assert.equal(isDatabaseUnavailable(busy), true);
    holder.exec('ROLLBACK');
  } finally {
    holder.close();
    other.close();
    await store.dispose();
  }
});

testEachDialect('constraint failures and programming errors are not "unavailable"', async (store) => {
  const duplicate = await errorOf(async () => {
    await store.handle.db.insertInto('first_run_seeds').values({ name: 'x' }).execute();
    await store.handle.db.insertInto('first_run_seeds').values({ name: 'x' }).execute();
  });
  assert.equal(isDatabaseUnavailable(duplicate), false, String(duplicate));
  assert.equal(isDatabaseUnavailable(new TypeError('x is not a function')), false);
  assert.equal(isDatabaseUnavailable('ECONNREFUSED'), false, 'only errors count');
  const wrapped = new Error('could not load', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) });
  assert.equal(isDatabaseUnavailable(wrapped), true, 'a cause is followed');
});
