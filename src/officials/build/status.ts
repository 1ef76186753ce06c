import { formatProblem } from '../import/problems.ts';
import type { ImportedSources } from '../import/read-sources.ts';
import { SOURCES } from '../sources.ts';
import type { DataStatus, SourceStatus } from '../types.ts';

/** Newest date among `dates`, or null. */
function newest(dates: (string | null | undefined)[]): string | null {
  return dates.reduce<string | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}

/**
 * How old the data is, from the data itself: the newest term start in legislators-current (the last
 * recorded change to the roster) and the newest role start in Open States. The vintage is the older
 * of the two rosters: "officials data as of …". Upstream commits come from the sync manifest or the
 * mirror README.
 */
export function dataStatus(input: {
  sources: ImportedSources;
  dataDir: string;
  importedAt: string;
  today: string;
  counts: Record<string, number>;
  warnings: string[];
  degraded: DataStatus['degraded'];
}): DataStatus {
  const { sources } = input;
  const congressAsOf = newest([...sources.congress.members.map((m) => m.term.start), sources.meta.congress?.date]);
  const openstatesAsOf = newest([
    ...sources.openstates.flatMap((p) => p.roles.map((r) => r.start_date)).filter((d) => !d || d <= input.today),
    sources.meta.openstates?.date,
  ]);
  const rosterDates = [congressAsOf, openstatesAsOf].filter((d): d is string => d !== null);
  const vintage = rosterDates.sort()[0] ?? 'unknown';

  const counts = input.counts;
  const countsBySource: Record<string, Record<string, number>> = {
    congress: { members: counts.members ?? 0, executives: sources.congress.executives.length },
    'zip-district': { pairs: sources.zccd.length },
    'zcta-centroids': { zctas: Object.keys(sources.centroids).length },
    'district-boundaries': { districts: sources.districts.length },
    openstates: { people: sources.openstates.length },
  };
  const statuses: SourceStatus[] = SOURCES.map((s) => ({
    name: s.name,
    files: Object.keys(s.files),
    upstreamUrl: s.repository,
    license: s.license,
    commit: sources.meta[s.key]?.commit ?? null,
    date:
      (s.key === 'congress' ? congressAsOf : s.key === 'openstates' ? openstatesAsOf : null) ??
      sources.meta[s.key]?.date ??
      null,
    counts: countsBySource[s.key] ?? {},
  }));
  const problemWarnings = sources.problems
    .slice(0, 20)
    .map((p) => `${p.severity === 'warning' ? 'ignored' : 'skipped (accepted)'}: ${formatProblem(p)}`);
  if (sources.problems.length > 20) problemWarnings.push(`… and ${sources.problems.length - 20} more data problems`);
  return {
    vintage,
    importedAt: input.importedAt,
    dataDir: input.dataDir,
    sources: statuses,
    counts,
    warnings: [...(input.degraded ? [input.degraded.message] : []), ...input.warnings, ...problemWarnings],
    ...(input.degraded ? { degraded: input.degraded } : {}),
  };
}
