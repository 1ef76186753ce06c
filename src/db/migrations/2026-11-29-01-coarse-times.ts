import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Actions keep only the UTC hour they arrived, signups the minute (src/actions/coarse-time.ts):
 * rows stored before this change are coarsened too. PostgreSQL truncates in UTC explicitly;
 * date_trunc on a timestamptz would otherwise use the session's time zone, which in a zone with a
 * half-hour offset is not the UTC hour. Irreversible by design: the precise times are gone.
 */
export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect === 'sqlite') {
      await sql`update actions set created_at = strftime('%Y-%m-%dT%H:00:00.000Z', created_at)`.execute(db);
      await sql`update signups set created_at = strftime('%Y-%m-%dT%H:%M:00.000Z', created_at)`.execute(db);
      return;
    }
    await sql`update actions set created_at = date_trunc('hour', created_at at time zone 'UTC') at time zone 'UTC'`.execute(
      db,
    );
    await sql`update signups set created_at = date_trunc('minute', created_at at time zone 'UTC') at time zone 'UTC'`.execute(
      db,
    );
  },
});
