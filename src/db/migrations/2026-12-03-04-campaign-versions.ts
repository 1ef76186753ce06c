import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Each campaign's version, counted up by every save and status change: the editor sends back the
 * version it opened, and a save against a newer one is refused instead of silently overwriting
 * another organizer's edit. Existing campaigns start at 1.
 */
export default (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('campaigns')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('campaigns').dropColumn('version').execute();
  },
});
