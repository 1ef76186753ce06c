import type { Kysely, Migration } from 'kysely';
import { idColumn, idType, timestampType } from '../columns.ts';
import type { Dialect } from '../database.ts';

/**
 * Consent given again. A signup row keeps the first consent (its text and minute) for good; each
 * later signup with the same email for the same campaign adds a row here instead of overwriting
 * it. Deleting the signup deletes these with it.
 */
export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('signup_consents')
      .addColumn('id', idType(dialect), idColumn(dialect))
      .addColumn('signup_id', idType(dialect), (c) => c.notNull().references('signups.id').onDelete('cascade'))
      .addColumn('consent_text', 'text', (c) => c.notNull())
      .addColumn('created_at', timestampType(dialect), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('signup_consents_signup').on('signup_consents').column('signup_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('signup_consents').execute();
  },
});
