import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { ActionTables } from '../actions/tables.ts';
import type { AccountTables } from '../admin/tables.ts';
import type { CampaignTables } from '../campaigns/tables.ts';
import type { Config } from '../config.ts';

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
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const sqlitePath = database.path === ':memory:' ? null : database.path;
    return { db, dialect: 'sqlite', sqlitePath, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: database.url,
    max: options.poolSize ?? 10,
    types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlitePath: null, close: () => db.destroy() };
}
