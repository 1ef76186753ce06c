import type { Kysely, Migration } from 'kysely';
import { idColumn, idType, nowDefault, timestampType } from '../columns.ts';
import type { Dialect } from '../database.ts';

export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('campaigns')
      .addColumn('id', idType(dialect), idColumn(dialect))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published_on', 'text', (c) => c.notNull())
      .addColumn('default_language', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('custom_targets', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('share_image_url', 'text')
      .addColumn('theme', 'text', (c) => c.notNull())
      .addColumn('embed_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('goal', 'integer')
      .addColumn('created_at', timestampType(dialect), (c) => c.notNull().defaultTo(nowDefault(dialect)))
      .addColumn('updated_at', timestampType(dialect), (c) => c.notNull().defaultTo(nowDefault(dialect)))
      .execute();
    await db.schema.createIndex('campaigns_status').on('campaigns').column('status').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('campaigns').execute();
  },
});
