/**
 * Whether an error means the database cannot be reached or cannot answer now, as opposed to a
 * mistake in a query. The first is the operator's outage and deserves 503 with Retry-After; the
 * second is a bug and stays a 500.
 */

/** Socket errors from Node (libuv) while connecting to or talking with PostgreSQL. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATE codes (Appendix A of its manual): class 08 is "connection exception";
 * 57P01–57P03 are a server shutting down, crashing or starting up; 53300 is too many connections;
 * 57014 is a statement cancelled, which for Voz means statement_timeout fired.
 */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/** node-postgres and pg-pool raise these as plain Errors without a code. */
const PG_CLIENT_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /is not queryable/,
];

/**
 * better-sqlite3 codes: the file is locked past busy_timeout, unreadable, or the disk is full.
 * Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_FSYNC, …) share their primary code's prefix.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/;

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 4) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || PG_UNAVAILABLE.has(code) || code.startsWith('08')) return true;
    if (SQLITE_UNAVAILABLE.test(code)) return true;
  }
  if (PG_CLIENT_MESSAGES.some((pattern) => pattern.test(err.message))) return true;
  // A host name with several addresses (localhost: ::1 and 127.0.0.1) fails with one error each.
  if (err instanceof AggregateError && err.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return err.cause !== undefined && isDatabaseUnavailable(err.cause, depth + 1);
}
