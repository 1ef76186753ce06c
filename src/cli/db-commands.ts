import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Command } from './command.ts';

export const dbCommands: Command[] = [
  {
    name: 'db migrate',
    summary: 'Apply pending database migrations (they also run at start).',
    usage: 'voz db migrate',
    async run(_args, io) {
      const config = io.config();
      const handle = openDatabase(config.database);
      try {
        const result = await migrateToLatest(handle);
        const applied = result.results ?? [];
        io.stdout.write(
          applied.length === 0
            ? `Database is up to date (${config.database.dialect}).\n`
            : applied.map((r) => `${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}\n`).join(''),
        );
        return 0;
      } finally {
        await handle.close();
      }
    },
  },
];
