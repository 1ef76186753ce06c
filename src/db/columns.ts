import { type ColumnDefinitionBuilder, sql } from 'kysely';
import type { Dialect } from './database.ts';

/** Dialect differences in one place, so migrations read the same on both stores. */

/** Auto-incrementing integer primary key. */
export const idColumn =
  (dialect: Dialect) =>
  (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

/** The type for the id column: `integer` on SQLite (a rowid alias), `bigint` on PostgreSQL. */
export const idType = (dialect: Dialect) => (dialect === 'sqlite' ? 'integer' : 'bigint');

/** Timestamps: ISO-8601 text on SQLite, timestamptz on PostgreSQL; both read back as ISO strings. */
export const timestampType = (dialect: Dialect) => (dialect === 'sqlite' ? 'text' : 'timestamptz');

export const nowDefault = (dialect: Dialect) =>
  dialect === 'sqlite' ? sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` : sql`now()`;
