import type { Kysely, Migration } from 'kysely';
import { idColumn, idType, timestampType } from '../columns.ts';
import type { Dialect } from '../database.ts';

/**
 * Reported outcomes and opt-in signups. An action row holds only what the counts need: no IP
 * address, name, street address or user agent, so a leaked database cannot identify a supporter.
 * created_at is written by Voz (from its clock), not defaulted, so a batch carries the time each
 * request arrived.
 */
export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('actions')
      .addColumn('id', idType(dialect), idColumn(dialect))
      .addColumn('campaign_id', idType(dialect), (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('district', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('created_at', timestampType(dialect), (c) => c.notNull())
      .execute();
    // One covering index per counted dimension, led by the campaign: each count is an index scan.
    await db.schema.createIndex('actions_campaign_day').on('actions').columns(['campaign_id', 'created_at']).execute();
    await db.schema
      .createIndex('actions_campaign_target')
      .on('actions')
      .columns(['campaign_id', 'target', 'outcome'])
      .execute();
    await db.schema.createIndex('actions_campaign_outcome').on('actions').columns(['campaign_id', 'outcome']).execute();
    await db.schema
      .createIndex('actions_campaign_place')
      .on('actions')
      .columns(['campaign_id', 'state', 'district'])
      .execute();

    await db.schema
      .createTable('signups')
      .addColumn('id', idType(dialect), idColumn(dialect))
      .addColumn('campaign_id', idType(dialect), (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('zip', 'text')
      .addColumn('consent_text', 'text', (c) => c.notNull())
      .addColumn('created_at', timestampType(dialect), (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('signups_campaign_email')
      .on('signups')
      .columns(['campaign_id', 'email'])
      .unique()
      .execute();
    await db.schema.createIndex('signups_email').on('signups').column('email').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('signups').execute();
    await db.schema.dropTable('actions').execute();
  },
});
