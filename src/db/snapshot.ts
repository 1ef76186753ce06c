import type { Transaction } from 'kysely';
import type { Database, Db, Dialect } from './database.ts';

/** A read-only transaction whose statements all see the database as it was at one moment. */
export type Snapshot = Transaction<Database>;

/**
 * Runs `read` in one snapshot, so every statement in it counts the same rows: read one by one
 * while actions arrive, each statement saw a different moment and their totals disagreed.
 * PostgreSQL needs REPEATABLE READ for that (READ COMMITTED takes a new snapshot per statement);
 * a SQLite read transaction sees one snapshot of the WAL from its first read to its end.
 */
export function readInSnapshot<T>(
  handle: { db: Db; dialect: Dialect },
  read: (snapshot: Snapshot) => Promise<T>,
): Promise<T> {
  const transaction =
    handle.dialect === 'postgres'
      ? handle.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
      : handle.db.transaction();
  return transaction.execute(read);
}
