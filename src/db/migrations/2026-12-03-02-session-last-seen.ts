import { type Kysely, type Migration, sql } from 'kysely';
import { timestampType } from '../columns.ts';
import type { Dialect } from '../database.ts';

/**
 * When each session was last used, for the idle timeout (src/admin/accounts.ts). SQLite cannot add
 * a column whose default is an expression, so the column is added bare and existing sessions
 * count as last used when they began; new sessions always write it.
 */
export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').addColumn('last_seen_at', timestampType(dialect)).execute();
    await sql`update sessions set last_seen_at = created_at`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  },
});
