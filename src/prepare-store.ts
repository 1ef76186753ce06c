import { seedDemoCampaign } from './campaigns/demo-campaign.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Logger } from './log.ts';

/** Runs migrations (and first-run seeding) once per start, before the app opens the store. */
export async function prepareStore(config: Config, logger: Logger, clock: Clock = systemClock): Promise<void> {
  // Migrations may take longer than a request's statement limit; the connect is still bounded.
  const timeouts = { connectMs: config.databaseTimeouts.connectMs, queryMs: 0 };
  const handle = openDatabase(config.database, { logger, timeouts });
  try {
    const result = await migrateToLatest(handle);
    for (const r of result.results ?? []) logger.info('migration applied', { name: r.migrationName });
    if ((await seedDemoCampaign(handle.db, clock)) === 'seeded') logger.info('demo campaign created');
  } finally {
    await handle.close();
  }
}
