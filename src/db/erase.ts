import { sql } from 'kysely';
import type { DbHandle } from './database.ts';

/**
 * After deleting personal data, make the store let go of it too, not only hide it from queries.
 *
 * SQLite: with secure_delete on (openDatabase sets it on every connection) the deleted rows' bytes
 * are zeroed in the pages that held them, but those pages first go to the write-ahead log, and
 * older copies of them (from the insert) may still sit in the log and in the main file. A
 * TRUNCATE checkpoint writes the zeroed pages into the main file and empties the log. It cannot
 * finish while another connection (a running server) is reading an older snapshot; `complete`
 * says whether it did, and the next checkpoint finishes the job.
 *
 * PostgreSQL: a delete only marks row versions dead. VACUUM removes them from the table and its
 * indexes, so nothing reading the database can find them; the bytes may remain in freed page space
 * until reused, in WAL segments until recycled, and in backups (see README, Privacy).
 */
export async function eraseDeletedRows(handle: DbHandle, tables: readonly string[]): Promise<{ complete: boolean }> {
  if (handle.dialect === 'sqlite') {
    const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(handle.db);
    return { complete: rows[0]?.busy === 0 };
  }
  for (const table of tables) await sql`vacuum ${sql.table(table)}`.execute(handle.db);
  return { complete: true };
}
