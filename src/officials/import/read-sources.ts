import type { DistrictShape } from '../types.ts';
import { readBoundaries } from './boundaries.ts';
import { readCentroids } from './centroids.ts';
import { type CongressData, readCongress } from './congress.ts';
import { type OpenStatesPerson, readOpenStates } from './openstates.ts';
import { type Problem, Problems } from './problems.ts';
import { readSourceMeta, type SourceMeta } from './source-meta.ts';
import { readZccd, type ZccdPair } from './zccd.ts';

/**
 * Everything read and validated from the data directory, before anything depends on the date:
 * this is what the snapshot caches. Choosing who holds each seat today happens in assemble.ts.
 */
export interface ImportedSources {
  congress: CongressData;
  zccd: ZccdPair[];
  centroids: Record<string, [lat: number, lon: number]>;
  districts: DistrictShape[];
  openstates: OpenStatesPerson[];
  meta: Record<string, SourceMeta>;
  syncedAt: string | null;
  /** Record-level problems (the bad records were skipped). */
  problems: Problem[];
  /** Problems the manifest says `voz data sync --accept-skipped` accepted, as `file:line: message`. */
  acceptedProblems: string[];
}

export type ReadResult = { ok: true; sources: ImportedSources } | { ok: false; problems: Problem[] };

export async function readSources(dataDir: string): Promise<ReadResult> {
  const problems = new Problems();
  const [congress, zccd, centroids, districts, openstates, meta] = await Promise.all([
    readCongress(dataDir, problems),
    readZccd(dataDir, problems),
    readCentroids(dataDir, problems),
    readBoundaries(dataDir, problems),
    readOpenStates(dataDir, problems),
    readSourceMeta(dataDir),
  ]);
  const list = problems.list.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (problems.hasFatal || !congress || !zccd || !centroids || !districts) return { ok: false, problems: list };
  return {
    ok: true,
    sources: {
      congress,
      zccd,
      centroids,
      districts,
      openstates,
      meta: meta.meta,
      syncedAt: meta.syncedAt,
      problems: list,
      acceptedProblems: meta.accepted,
    },
  };
}
