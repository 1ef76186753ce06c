import type { DataStatus } from './types.ts';

/**
 * How old the data behind an answer is, carried by every officials API answer (and the CLI's
 * --json) so that a client that stores or shows an answer can say "as of …" without a second
 * request. `degraded` is true while the server serves its last good data after a failed load.
 */
export interface DataInfo {
  vintage: string;
  importedAt: string;
  degraded: boolean;
}

export function dataInfoOf(status: DataStatus): DataInfo {
  return { vintage: status.vintage, importedAt: status.importedAt, degraded: Boolean(status.degraded) };
}

export function withDataInfo<T extends object>(answer: T, status: DataStatus): T & { data: DataInfo } {
  return { ...answer, data: dataInfoOf(status) };
}

/** GET /healthz: still 200 when degraded (Voz serves), so load balancers keep it; monitoring reads `data`. */
export function healthOf(status: DataStatus) {
  return {
    ok: true as const,
    data: status.degraded ? ('degraded' as const) : ('current' as const),
    vintage: status.vintage,
    importedAt: status.importedAt,
  };
}
