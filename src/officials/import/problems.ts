import type { z } from 'zod';

/**
 * A problem found in a data file, reported as `file:line: what is wrong`.
 * - `fatal`: a file is missing or unreadable as a whole; the load stops.
 * - `error`: one record is malformed and skipped; `voz data check` fails and sync refuses the data.
 * - `warning`: one value is impossible and ignored (e.g. a latitude of 441); the record is kept.
 */
export type Severity = 'fatal' | 'error' | 'warning';

export interface Problem {
  file: string;
  line: number | null;
  message: string;
  severity: Severity;
}

export class Problems {
  readonly list: Problem[] = [];

  add(file: string, line: number | null, message: string, severity: Severity = 'error'): void {
    this.list.push({ file, line, message, severity });
  }

  /** Records each zod issue with its path, e.g. `terms.3.start: Invalid ISO date`. */
  addZod(file: string, line: number | null, error: z.ZodError, what: string): void {
    const details = error.issues
      .slice(0, 3)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    this.add(file, line, `${what}: ${details}`);
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
  constructor(readonly problems: Problem[]) {
    super(`The officials data cannot be loaded:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'DataLoadError';
  }
}
