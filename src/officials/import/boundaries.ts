import { z } from 'zod';
import type { StateCode } from '../../domain.ts';
import { houseDivision } from '../divisions.ts';
import { stateFromFips } from '../states.ts';
import type { DistrictShape } from '../types.ts';
import { jsonElementPositions, jsonLineOf } from './json-lines.ts';
import type { Problems } from './problems.ts';
import { parseJson, readText } from './read.ts';

/**
 * district-boundaries: the Census cartographic boundary file cb_2024_us_cd119_20m as GeoJSON
 * (public domain). Joined on STATEFP + CD119FP: `DISTRICT_ID` is inconsistent for single-seat
 * jurisdictions (`AK-01` but `PR-98`), and CD119FP is 00 (at large) or 98 (delegate) for them.
 */
export const BOUNDARIES_FILE = 'district-boundaries/congressional_districts_119_cb2024_20m.geojson';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z.array(position).min(4);
const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ STATEFP: z.string().regex(/^\d{2}$/), CD119FP: z.string().regex(/^\d{2}$/) }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
  ]),
});

export async function readBoundaries(dataDir: string, problems: Problems): Promise<DistrictShape[] | null> {
  const text = await readText(dataDir, BOUNDARIES_FILE, problems);
  if (text === null) return null;
  const value = parseJson(text, BOUNDARIES_FILE, problems);
  if (value === undefined) return null;
  const collection = z
    .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
    .safeParse(value);
  if (!collection.success) {
    problems.add(BOUNDARIES_FILE, 1, 'expected a GeoJSON FeatureCollection', 'fatal');
    return null;
  }
  const positions = jsonElementPositions(text, ['features']);
  const shapes: DistrictShape[] = [];
  // Without a district's shape, points in it would be answered by its neighbours.
  const skipped = { kind: 'district_shape' } as const;
  collection.data.features.forEach((raw, i) => {
    const position = positions[i];
    const line = position?.line ?? null;
    const lineOf = (path: readonly PropertyKey[]) => (position ? jsonLineOf(text, position, path) : null);
    const feature = featureSchema.safeParse(raw);
    if (!feature.success) {
      problems.addZod(BOUNDARIES_FILE, line, feature.error, `feature #${i + 1}`, { lineOf, skipped });
      return;
    }
    const { STATEFP, CD119FP } = feature.data.properties;
    const state: StateCode | null = stateFromFips(STATEFP);
    if (!state) {
      const at = lineOf(['properties', 'STATEFP']) ?? line;
      problems.add(BOUNDARIES_FILE, at, `feature #${i + 1}: unknown STATEFP "${STATEFP}"`, 'error', skipped);
      return;
    }
    const district = CD119FP === '00' || CD119FP === '98' ? 0 : Number(CD119FP);
    const geometry = feature.data.geometry;
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((poly) =>
      poly.map((r) => r.map((p) => [p[0], p[1]])),
    );
    shapes.push({
      divisionId: houseDivision(state, district),
      state,
      district: String(district),
      bbox: boundingBox(polygons),
      polygons,
    });
  });
  return shapes;
}

function boundingBox(polygons: number[][][][]): DistrictShape['bbox'] {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const poly of polygons)
    for (const r of poly)
      for (const [lon, lat] of r) {
        if (lon! < minLon) minLon = lon!;
        if (lon! > maxLon) maxLon = lon!;
        if (lat! < minLat) minLat = lat!;
        if (lat! > maxLat) maxLat = lat!;
      }
  return [minLon, minLat, maxLon, maxLat];
}
