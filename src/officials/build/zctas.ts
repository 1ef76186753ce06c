import { houseDivision } from '../divisions.ts';
import type { ZccdPair } from '../import/zccd.ts';
import { islandAreaForZip } from '../states.ts';
import type { ZctaEntry } from '../types.ts';
import type { Centroids } from './offices.ts';

export interface ZctaIndex {
  zctas: Record<string, ZctaEntry>;
  /** ZCTAs with a centroid but no district (neither in zccd.csv nor an island-area ZIP). */
  unassigned: string[];
  islandArea: number;
}

/**
 * Every ZCTA with its centroid and the House districts it touches. The island-area ZCTAs
 * (VI, AS, GU, MP) are not in zccd.csv; each area has one delegate seat, assigned by ZIP range.
 */
export function buildZctas(pairs: ZccdPair[], centroids: Centroids): ZctaIndex {
  const zctas: Record<string, ZctaEntry> = {};
  // One string per district rather than one per pair: 437 strings instead of 42,050.
  const divisions = new Map<string, string>();
  for (const p of pairs) {
    const key = `${p.state}${p.district}`;
    let division = divisions.get(key);
    if (division === undefined) {
      division = houseDivision(p.state, p.district);
      divisions.set(key, division);
    }
    const entry = zctas[p.zcta];
    if (!entry) zctas[p.zcta] = { lat: null, lon: null, districts: [division] };
    else if (!entry.districts.includes(division)) entry.districts.push(division);
  }
  const unassigned: string[] = [];
  let islandArea = 0;
  for (const [zcta, [lat, lon]] of Object.entries(centroids)) {
    const entry = zctas[zcta];
    if (entry) {
      entry.lat = lat;
      entry.lon = lon;
      continue;
    }
    const island = islandAreaForZip(zcta);
    if (island) {
      zctas[zcta] = { lat, lon, districts: [houseDivision(island, 0)] };
      islandArea++;
    } else unassigned.push(zcta);
  }
  for (const entry of Object.values(zctas)) entry.districts.sort();
  return { zctas, unassigned, islandArea };
}
