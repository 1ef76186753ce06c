import { isDatabaseUnavailable } from '../db/unavailable.ts';

/** The reader of standard output went away (`voz --help | head -1`, `voz export actions … | head`). */
export const isClosedPipe = (err: unknown): boolean =>
  err instanceof Error && ['EPIPE', 'ERR_STREAM_DESTROYED'].includes((err as { code?: string }).code ?? '');

/**
 * What is wrong with the database, in one line, when an error is the database's and not Voz's:
 * it cannot be reached (a refused connection, a timeout), or PostgreSQL refused us (SQLSTATE
 * classes 28, authorization, and 3D, no such database, in Appendix A of its manual). Messages
 * from node-postgres never carry the connection string, so the password stays out of them.
 */
export function databaseProblem(err: unknown): string | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  const refused = typeof code === 'string' && /^(28|3D)[0-9A-Z]{3}$/.test(code);
  if (!refused && !isDatabaseUnavailable(err)) return null;
  const first = err instanceof AggregateError && err.errors[0] instanceof Error ? err.errors[0] : err;
  return first.message || String(code ?? 'unknown error');
}
