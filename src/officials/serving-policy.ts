import { formatProblem, type Problem } from './import/problems.ts';
import type { ReadResult } from './import/read-sources.ts';
import type { DegradedStatus } from './types.ts';

/**
 * Which data Voz serves. A skipped record is not a small loss: two unreadable rows of the ZIP
 * crosswalk turn a ZIP that spans two districts into a confident single district, and an
 * unreadable senator turns an occupied seat into a "vacancy". So data with skipped records is
 * never served, unless `voz data sync --accept-skipped` accepted exactly those records (their
 * seats and ZIPs are then marked unknown, see build/skipped.ts). When the data cannot be served,
 * the last good data (the `sources` snapshot in VAR_DIR/cache) is served instead, loudly; with
 * no snapshot either, Voz does not start.
 */
export function blockingProblems(result: ReadResult): Problem[] {
  if (!result.ok) return result.problems.filter((p) => p.severity !== 'warning');
  const accepted = new Set(result.sources.acceptedProblems);
  return result.sources.problems.filter((p) => p.severity === 'error' && !accepted.has(formatProblem(p)));
}

/** Why the data is refused, for the start-up error and `voz data check`. */
export function refusalReason(blocking: Problem[], lastGood: boolean): string {
  const fatal = blocking.some((p) => p.severity === 'fatal');
  const errors = blocking.filter((p) => p.severity === 'error').length;
  const what = fatal
    ? 'The officials data cannot be loaded'
    : `The officials data has ${errors} malformed record${errors === 1 ? '' : 's'}, and Voz does not serve data with records left out (a missing record can turn into a wrong answer); fix ${errors === 1 ? 'it' : 'them'}, or accept them with \`voz data sync --accept-skipped\``;
  return lastGood
    ? `${what}. The last good data is served until then`
    : `${what}. There is no snapshot of earlier good data to serve meanwhile`;
}

/** The public status of a directory served from the last good data. */
export function degradedStatus(blocking: Problem[], validatedAt: string | null): DegradedStatus {
  const n = blocking.length;
  const since = validatedAt ? `, validated ${validatedAt}` : '';
  return {
    message: `The officials data failed validation (${n} problem${n === 1 ? '' : 's'}): Voz is serving the last good data${since}, until the data is fixed.`,
    problems: blocking.slice(0, 20).map(formatProblem),
    lastGoodValidatedAt: validatedAt,
  };
}
