import type { Kysely, Migration } from 'kysely';
import { nowDefault, timestampType } from '../columns.ts';
import type { Dialect } from '../database.ts';

/**
 * What first-run seeding has already done, one row per seed (`demo-campaign`). The demo campaign
 * is created once; if an organizer edits or deletes it, the row stays and it is never re-created.
 */
export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('first_run_seeds')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('seeded_at', timestampType(dialect), (c) => c.notNull().defaultTo(nowDefault(dialect)))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('first_run_seeds').execute();
  },
});
