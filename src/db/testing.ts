import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { loadTestSettings } from '../config.ts';
import { type DbHandle, type Dialect, type OpenOptions, openDatabase } from './database.ts';
import { migrateToLatest, VOZ_MIGRATION_LOCK } from './migrate.ts';

/**
 * Repository tests run once per dialect, in the style of Kysely's own suite: the same test body
 * against a real SQLite file and a real PostgreSQL server. Each run gets a fresh, migrated store:
 * a temp file, or a schema of its own on the shared server, dropped afterwards.
 */

const settings = loadTestSettings();

export function dialectsUnderTest(): Dialect[] {
  if (!settings.databaseUrl && settings.requirePostgres) {
    throw new Error('TEST_DATABASE_URL is required on CI: repository tests must run on PostgreSQL too.');
  }
  return settings.databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestStore {
  handle: DbHandle;
  /** Opens another connection to the same store (e.g. a second Voz process sharing PostgreSQL). */
  reopen(options?: Omit<OpenOptions, 'schema'>): DbHandle;
  /** Config value that points a server process at this store. */
  database: { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };
  dispose(): Promise<void>;
}

/** A fresh store, migrated to the latest migration or, with `upTo`, to that one. */
export async function createTestStore(dialect: Dialect, options: { upTo?: string } = {}): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'voz-test-'));
    const database = { dialect: 'sqlite' as const, path: path.join(dir, 'voz.sqlite') };
    const handle = openDatabase(database);
    await migrateToLatest(handle, options);
    return {
      handle,
      database,
      reopen: (options) => openDatabase(database, options),
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = settings.databaseUrl;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `voz_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  const database = { dialect: 'postgres' as const, url: withSchema.toString() };
  const handle = openDatabase({ dialect: 'postgres', url }, { schema });
  await migrateToLatest(handle, options);
  return {
    handle,
    database,
    reopen: (options) => openDatabase({ dialect: 'postgres', url }, { ...options, schema }),
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // A migration elsewhere on the server lists every schema; never drop one under it (migrate.ts).
      await cleanup.query(`SELECT pg_advisory_lock(${VOZ_MIGRATION_LOCK})`);
      try {
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await cleanup.query(`SELECT pg_advisory_unlock(${VOZ_MIGRATION_LOCK})`);
        await cleanup.end();
      }
    },
  };
}

/** `testEachDialect('counts once per hour', async (store) => { … })` registers one test per dialect. */
export function testEachDialect(name: string, body: (store: TestStore) => Promise<void>): void {
  for (const dialect of dialectsUnderTest()) {
    test(`${name} [${dialect}]`, async () => {
      const store = await createTestStore(dialect);
      try {
        await body(store);
      } finally {
        await store.dispose();
      }
    });
  }
}
