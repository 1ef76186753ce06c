import type { StateCode } from '../../domain.ts';
import { bboxContains, containsPoint, distanceToEdgesKm } from '../../lookup/geometry.ts';
import { BOUNDARY_MARGIN_KM } from '../../lookup/point-index.ts';
import { parseHouseDivision } from '../divisions.ts';
import type { DistrictShape, ZctaEntry } from '../types.ts';

/**
 * zccd.csv was built by joining ZCTAs to districts through census tracts, and lists a few ZCTAs
 * in districts of another state entirely: McLaughlin, South Dakota (57642) and seven neighbours
 * only under ND-AL, two Colorado ZCTAs only under NM-3, one only under UT-3. Honest lookups never
 * guess, so a district the crosswalk may have missed is added as a candidate, which turns such a
 * ZIP into a question (`zip_spans_states` or `zip_spans_districts`) instead of a wrong answer:
 *
 * - the ZCTA's internal point lies inside the district's polygon, at least BOUNDARY_MARGIN_KM
 *   from its edge (the 1:20m polygons are coarse, so nearer than that proves nothing), or
 * - the ZIP's 3-digit prefix, a USPS sectional center that serves one state, points to a state
 *   the crosswalk does not list, and the internal point lies inside or within the margin of one of
 *   that state's districts (McLaughlin's point is 1.5 km inside South Dakota's polygon).
 *
 * The prefix's state is read from the crosswalk itself: the state of most ZCTAs with that prefix.
 */
export interface CrosswalkCorrection {
  zcta: string;
  added: string[];
  reason: 'internal_point' | 'zip_prefix';
}

/** A prefix names a state when at least this share of its ZCTAs lie there. */
const PREFIX_SHARE = 0.75;
const PREFIX_MIN_ZCTAS = 5;

export function crossCheckZctas(zctas: Record<string, ZctaEntry>, shapes: DistrictShape[]): CrosswalkCorrection[] {
  const prefixStates = prefixStateMap(zctas);
  const corrections: CrosswalkCorrection[] = [];
  for (const [zcta, entry] of Object.entries(zctas)) {
    const { lat, lon } = entry;
    if (lat === null || lon === null || entry.districts.length === 0 || entry.incomplete) continue;
    const listed = new Set(entry.districts);
    const added: string[] = [];
    let reason: CrosswalkCorrection['reason'] = 'internal_point';
    const containing = shapes.filter((s) => bboxContains(s.bbox, lon, lat) && containsPoint(s.polygons, lon, lat));
    for (const shape of containing) {
      if (listed.has(shape.divisionId)) continue;
      if (distanceToEdgesKm(shape.polygons, lon, lat) >= BOUNDARY_MARGIN_KM) added.push(shape.divisionId);
    }
    const prefixState = prefixStates.get(zcta.slice(0, 3));
    const states = new Set([...entry.districts, ...added].map((d) => parseHouseDivision(d)?.state));
    if (prefixState && !states.has(prefixState)) {
      const inState =
        containing.find((s) => s.state === prefixState) ?? nearestWithinMargin(shapes, prefixState, lat, lon);
      if (inState) {
        added.push(inState.divisionId);
        if (added.length === 1) reason = 'zip_prefix';
      }
    }
    if (added.length === 0) continue;
    entry.crosswalk = [...entry.districts];
    entry.districts = [...entry.districts, ...added].sort();
    corrections.push({ zcta, added, reason });
  }
  return corrections;
}

function prefixStateMap(zctas: Record<string, ZctaEntry>): Map<string, StateCode> {
  const counts = new Map<string, Map<StateCode, number>>();
  for (const [zcta, entry] of Object.entries(zctas)) {
    const prefix = zcta.slice(0, 3);
    const byState = counts.get(prefix) ?? new Map<StateCode, number>();
    counts.set(prefix, byState);
    for (const state of new Set(entry.districts.map((d) => parseHouseDivision(d)?.state))) {
      if (state) byState.set(state, (byState.get(state) ?? 0) + 1);
    }
  }
  const out = new Map<string, StateCode>();
  for (const [prefix, byState] of counts) {
    const total = [...byState.values()].reduce((a, b) => a + b, 0);
    const top = [...byState].sort((a, b) => b[1] - a[1])[0];
    if (top && total >= PREFIX_MIN_ZCTAS && top[1] / total >= PREFIX_SHARE) out.set(prefix, top[0]);
  }
  return out;
}

function nearestWithinMargin(
  shapes: DistrictShape[],
  state: StateCode,
  lat: number,
  lon: number,
): DistrictShape | null {
  let best: { shape: DistrictShape; km: number } | null = null;
  for (const shape of shapes) {
    if (shape.state !== state || !bboxContains(shape.bbox, lon, lat, BOUNDARY_MARGIN_KM)) continue;
    const km = distanceToEdgesKm(shape.polygons, lon, lat);
    if (km <= BOUNDARY_MARGIN_KM && (!best || km < best.km)) best = { shape, km };
  }
  return best?.shape ?? null;
}
