import type { Kysely, Migration } from 'kysely';
import { idColumn, idType, nowDefault, timestampType } from '../columns.ts';
import type { Dialect } from '../database.ts';

export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', idType(dialect), idColumn(dialect))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', timestampType(dialect), (c) => c.notNull().defaultTo(nowDefault(dialect)))
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', idType(dialect), (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', timestampType(dialect), (c) => c.notNull().defaultTo(nowDefault(dialect)))
      .addColumn('expires_at', timestampType(dialect), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('invitations')
      .addColumn('id', idType(dialect), idColumn(dialect))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('invited_by', idType(dialect), (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', timestampType(dialect), (c) => c.notNull().defaultTo(nowDefault(dialect)))
      .addColumn('expires_at', timestampType(dialect), (c) => c.notNull())
      .addColumn('accepted_at', timestampType(dialect))
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', idType(dialect), idColumn(dialect))
      .addColumn('user_id', idType(dialect), (c) => c.references('users.id').onDelete('set null'))
      .addColumn('user_email', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('campaign_id', idType(dialect), (c) => c.references('campaigns.id').onDelete('set null'))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('at', timestampType(dialect), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_campaign').on('audit_log').columns(['campaign_id', 'at']).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['audit_log', 'invitations', 'sessions', 'users']) await db.schema.dropTable(table).execute();
  },
});
