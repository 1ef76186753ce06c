import type { z } from 'zod';
import type { StateCode } from '../../domain.ts';

/**
 * A problem found in a data file, reported as `file:line: what is wrong`.
 * - `fatal`: a file is missing or unreadable as a whole; the data cannot be loaded.
 * - `error`: one record is malformed and would be skipped. Voz does not serve data with skipped
 *   records (see prepare.ts) unless `voz data sync --accept-skipped` accepted exactly these.
 * - `warning`: one value is impossible and ignored (e.g. a latitude of 441); the record is kept.
 */
export type Severity = 'fatal' | 'error' | 'warning';

/**
 * What a skipped record was about, as far as the rest of the record could still tell, so that
 * its absence is never read as a fact: a seat whose member's record was skipped is not vacant, a
 * ZIP that lost a row of the crosswalk is not answered from the rows that are left.
 */
export type SkippedRecord =
  | {
      kind: 'member';
      chamber: 'senate' | 'house' | null;
      state: StateCode | null;
      district: number | null;
      senateClass: number | null;
    }
  | { kind: 'executive' }
  | { kind: 'state_person'; state: StateCode; executive: boolean }
  | { kind: 'zcta'; zcta: string }
  | { kind: 'district_shape' };

export interface Problem {
  file: string;
  line: number | null;
  message: string;
  severity: Severity;
  skipped?: SkippedRecord;
}

/** The line of a value inside a record, by its path (zod's issue path); null when unknown. */
export type LineOfPath = (path: readonly PropertyKey[]) => number | null;

export class Problems {
  readonly list: Problem[] = [];

  add(file: string, line: number | null, message: string, severity: Severity = 'error', skipped?: SkippedRecord): void {
    this.list.push(skipped ? { file, line, message, severity, skipped } : { file, line, message, severity });
  }

  /**
   * Records each zod issue with its path, e.g. `terms.3.start: Invalid ISO date`, at the line of
   * the first bad field when `lineOf` can find it, else at the line where the record starts.
   */
  addZod(
    file: string,
    line: number | null,
    error: z.ZodError,
    what: string,
    options: { lineOf?: LineOfPath; skipped?: SkippedRecord } = {},
  ): void {
    const details = error.issues
      .slice(0, 3)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    // A missing field has no line of its own: the nearest enclosing one that is there has.
    const first = error.issues[0]?.path ?? [];
    let fieldLine: number | null = null;
    for (let n = first.length; n > 0 && fieldLine === null && options.lineOf; n--) {
      fieldLine = options.lineOf(first.slice(0, n));
    }
    this.add(file, fieldLine ?? line, `${what}: ${details}`, 'error', options.skipped);
  }

  get hasFatal(): boolean {
    return this.list.some((p) => p.severity === 'fatal');
  }

  get count(): number {
    return this.list.length;
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`;
}

export class DataLoadError extends Error {
  constructor(
    readonly problems: Problem[],
    reason = 'The officials data cannot be loaded',
  ) {
    super(`${reason}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'DataLoadError';
  }
}
