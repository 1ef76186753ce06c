/**
 * Picks the layers Voz needs from a Census Geocoder `geographies` object by what their names
 * mean. The names carry the Congress or the redistricting year and change with each TIGERweb
 * vintage: "119th Congressional Districts" becomes "120th Congressional Districts", "2024 State
 * Legislative Districts - Upper" becomes "2026 …". When a vintage offers two Congresses, the one
 * sitting today is the one whose members Voz lists; otherwise the newest layer is taken.
 */
export type Row = Record<string, unknown>;

export interface CensusLayers {
  congress: Row[] | null;
  upper: Row[] | null;
  lower: Row[] | null;
  /** What a match came without, in words for the operator's log. */
  missing: string[];
}

export const MISSING_LAYERS_WARNING =
  'census geocoder: district layers missing from the answer; Voz falls back to its approximate district map';

const CONGRESS = /^(?:(\d+)(?:st|nd|rd|th) )?Congressional Districts$/i;
const LEGISLATIVE = {
  upper: /^(?:(\d{4}) )?State Legislative Districts? - Upper$/i,
  lower: /^(?:(\d{4}) )?State Legislative Districts? - Lower$/i,
};

/**
 * The Congress sitting on a date. The First met in 1789; since 1935 each begins on 3 January of
 * an odd year (Twentieth Amendment, section 1), so the 119th sits from 3 January 2025.
 */
export function sittingCongress(today: Date): number {
  const year = today.getUTCFullYear();
  const begun = today.getUTCMonth() > 0 || today.getUTCDate() >= 3 ? year : year - 1;
  return Math.floor((begun - 1789) / 2) + 1;
}

/** Layers whose names match, with the number in the name (the Congress, the year); -1 without one. */
function candidates(geographies: Record<string, Row[]>, pattern: RegExp): Array<{ n: number; rows: Row[] }> {
  return Object.entries(geographies).flatMap(([name, rows]) => {
    const match = pattern.exec(name.trim());
    return match ? [{ n: match[1] ? Number(match[1]) : -1, rows }] : [];
  });
}

const newest = (found: Array<{ n: number; rows: Row[] }>): Row[] | null =>
  found.length === 0 ? null : found.reduce((a, b) => (b.n > a.n ? b : a)).rows;

export function findLayers(geographies: Record<string, Row[]>, today: Date): CensusLayers {
  const congresses = candidates(geographies, CONGRESS);
  const sitting = sittingCongress(today);
  const congress = congresses.find((c) => c.n === sitting)?.rows ?? newest(congresses);
  const upper = newest(candidates(geographies, LEGISLATIVE.upper));
  const lower = newest(candidates(geographies, LEGISLATIVE.lower));
  const missing: string[] = [];
  if (congress === null) missing.push('congressional districts');
  // Nebraska and DC have one chamber, so one layer of the two is enough.
  if (upper === null && lower === null) missing.push('state legislative districts');
  return { congress, upper, lower, missing };
}
