import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Each audit entry keeps what changed, field by field, with the old and new values in full:
 * JSON text, `[{ "field", "before", "after" }]`, null for entries that change no field.
 */
export default (_dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('audit_log').addColumn('changes', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('audit_log').dropColumn('changes').execute();
  },
});
