import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { ActionTables } from '../actions/tables.ts';
import type { AccountTables } from '../admin/tables.ts';
import type { CampaignTables } from '../campaigns/tables.ts';
import type { Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';

/** Every table Voz stores, composed from each feature's own table types. */
export interface Database extends CampaignTables, ActionTables, AccountTables {}

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** The SQLite file this handle opened (null for PostgreSQL and `:memory:`), for writers on other threads. */
  sqlitePath: string | null;
  close(): Promise<void>;
}

/**
 * One representation at the repository boundary, whatever the dialect: timestamps are ISO-8601
 * strings and counts are numbers. node-postgres would otherwise return `Date` objects for
 * timestamptz and strings for int8/numeric (bigint overflow safety we do not need for counts).
 */
const PG_TYPES = {
  INT8: 20,
  NUMERIC: 1700,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === PG_TYPES.INT8 || oid === PG_TYPES.NUMERIC) return Number;
  if (oid === PG_TYPES.TIMESTAMPTZ) return (v) => new Date(v).toISOString();
  if (oid === PG_TYPES.TIMESTAMP) return (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString();
  return pg.types.getTypeParser(oid, format as 'text');
}

export interface OpenOptions {
  /** PostgreSQL only: run in this schema (tests use one schema each). */
  schema?: string;
  poolSize?: number;
  /** Told about connections PostgreSQL drops while they sit in the pool (default: warnings to stderr). */
  logger?: Logger;
  /**
   * PostgreSQL only: how long to wait for a connection, and for one statement (0: no limit).
   * Without them a database that stops answering holds every request open indefinitely. The
   * default suits the CLI and migrations: a bounded connect, statements as long as they need.
   */
  timeouts?: { connectMs: number; queryMs: number };
}

const CLI_TIMEOUTS = { connectMs: 10_000, queryMs: 0 };

/**
 * A pooled connection that PostgreSQL terminates (a restart, a failover, an idle timeout, an
 * administrator's pg_terminate_backend) emits `error` on the client and on the pool. Node ends
 * the process on an `error` event nobody listens to, so both get a listener: the pool drops the
 * dead connection and the next query opens a new one. Only the code and message are logged; pg's
 * messages name the server and user, never the password.
 */
function reportDroppedConnections(pool: pg.Pool, logger: Logger): void {
  const reported = new WeakSet<Error>();
  const report = (err: Error & { code?: string }) => {
    if (reported.has(err)) return;
    reported.add(err);
    logger.warn('database connection lost', { code: err.code ?? null, error: err.message });
  };
  pool.on('error', report);
  // A connection that fails while checked out (between the statements of a transaction) emits on
  // the client only; the statement waiting on it fails, and the pool discards the client.
  pool.on('connect', (client) => client.on('error', report));
}

export function openDatabase(database: Config['database'], options: OpenOptions = {}): DbHandle {
  if (database.dialect === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(path.dirname(database.path), { recursive: true });
    const sqlite = new SQLite(database.path);
    // WAL lets readers run beside the writer; synchronous=FULL makes a committed transaction
    // survive power loss, which is what "acknowledged only after the write is durable" needs.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted rows (a supporter's signup) are overwritten with zeros, not left in free space
    // where anyone with the file could read them back (see erase.ts for the write-ahead log).
    sqlite.pragma('secure_delete = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const sqlitePath = database.path === ':memory:' ? null : database.path;
    return { db, dialect: 'sqlite', sqlitePath, close: () => db.destroy() };
  }
  const timeouts = options.timeouts ?? CLI_TIMEOUTS;
  const pool = new pg.Pool({
    connectionString: database.url,
    max: options.poolSize ?? 10,
    types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
    application_name: 'voz',
    // Also bounds the wait for a free pooled connection.
    connectionTimeoutMillis: timeouts.connectMs,
    // The server cancels a statement after statement_timeout; query_timeout is the client's own
    // limit, a little longer, for a server that no longer answers at all (a dead host, a dropped
    // route), where no cancellation can arrive. Keepalives notice such a connection when idle.
    ...(timeouts.queryMs > 0 ? { statement_timeout: timeouts.queryMs, query_timeout: timeouts.queryMs + 500 } : {}),
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  reportDroppedConnections(pool, options.logger ?? createLogger('warn'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlitePath: null, close: () => db.destroy() };
}
