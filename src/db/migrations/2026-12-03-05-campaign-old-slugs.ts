import type { Kysely, Migration } from 'kysely';
import { idType, timestampType } from '../columns.ts';
import type { Dialect } from '../database.ts';

/**
 * The slugs a campaign had before it was renamed, so links and embeds shared under an old slug
 * are redirected (301) to the campaign's current address instead of breaking.
 */
export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('campaign_old_slugs')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', idType(dialect), (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('renamed_at', timestampType(dialect), (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('campaign_old_slugs').execute();
  },
});
