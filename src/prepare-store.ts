import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Logger } from './log.ts';

/** Runs migrations (and first-run seeding) once per start, before the app opens the store. */
export async function prepareStore(config: Config, logger: Logger): Promise<void> {
  const handle = openDatabase(config.database);
  try {
    const result = await migrateToLatest(handle);
    for (const r of result.results ?? []) logger.info('migration applied', { name: r.migrationName });
  } finally {
    await handle.close();
  }
}
