import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { DbHandle, Dialect } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * Migrations are dated and frozen: once one has landed it is never edited; a change is a new
 * file. Each is a function of the dialect, because a few column types differ (see columns.ts).
 */
class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(Object.entries(migrations).map(([name, make]) => [name, make(this.dialect)]));
  }
}

/**
 * Held for the whole of a PostgreSQL migration, on a connection of its own. Kysely takes its own
 * advisory lock only around applying migrations; before that it introspects every schema on the
 * server (`has_schema_privilege` in its table listing), which fails with "schema … does not exist"
 * if another store's schema is dropped at that moment. Test stores drop their schema under this
 * lock, and two Voz processes starting together migrate one after the other.
 */
export const VOZ_MIGRATION_LOCK = 7_402_019_001;

/** Applies every migration not yet applied or, with `upTo` (tests of a migration), those up to it. */
export async function migrateToLatest(handle: DbHandle, options: { upTo?: string } = {}): Promise<MigrationResultSet> {
  if (handle.dialect !== 'postgres') return migrateUnlocked(handle, options.upTo);
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(VOZ_MIGRATION_LOCK)})`.execute(conn);
    try {
      return await migrateUnlocked(handle, options.upTo);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(VOZ_MIGRATION_LOCK)})`.execute(conn);
    }
  });
}

async function migrateUnlocked(handle: DbHandle, upTo: string | undefined): Promise<MigrationResultSet> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; with several
  // stores on one PostgreSQL server (one schema each) it would find another store's tables.
  const schema =
    handle.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: handle.db,
    provider: new StaticProvider(handle.dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return result;
}
