import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The sites allowed to frame each campaign's widget (CSP frame-ancestors): JSON text, a list of
 * origins such as "https://www.example.org". An empty list lets any site frame it, as before.
 */
export default (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('campaigns')
      .addColumn('embed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('campaigns').dropColumn('embed_origins').execute();
  },
});
