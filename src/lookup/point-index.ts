import type { DistrictShape, ZctaEntry } from '../officials/types.ts';
import { type Bbox, bboxContains, containsPoint, distanceToEdgesKm, haversineKm } from './geometry.ts';

/**
 * How far (km) a point may lie from another district's generalised boundary before Voz trusts the
 * district it falls in. The boundaries are the Census 1:20,000,000 cartographic file, whose lines
 * are simplified by kilometres (README caveat 8). Calibrated on the mirror itself: the ZCTA internal
 * points of the 26,475 single-district ZCTAs fall in the wrong 20m polygon for 89 of them, 67 of
 * those within 2 km of their true district; the rest are Manhattan's and the Dakotas' coarsest
 * lines and crosswalk quirks. A 2 km margin flags 4.5 % of those points as near a boundary and
 * leaves 22 (0.08 %) answered exactly but wrongly; 1 km would double the misses, 5 km would flag
 * four times as many points. A street address (the geocoder's exact district) is always better.
 */
export const BOUNDARY_MARGIN_KM = 2;

/**
 * Territories with no polygon (AS, GU, MP, VI) are found through their ZCTAs' internal points. The
 * islands are small and far from other jurisdictions, but American Samoa's one ZCTA point sits on
 * Tutuila, 110 km from the Manu'a islands, so the radius must cover that.
 */
export const TERRITORY_RADIUS_KM = 150;

export type PointAnswer =
  | { kind: 'inside'; divisionId: string; nearby: string[] }
  | { kind: 'near'; nearby: string[] }
  | { kind: 'territory'; divisionId: string; zcta: string; distanceKm: number }
  | { kind: 'outside' };

interface Shape {
  divisionId: string;
  bbox: Bbox;
  polygons: number[][][][];
}

export class PointIndex {
  private readonly shapes: Shape[];
  private readonly islandPoints: Array<{ zcta: string; lat: number; lon: number; divisionId: string }> = [];

  constructor(districts: DistrictShape[], zctas: Record<string, ZctaEntry>) {
    this.shapes = districts.map((d) => ({
      divisionId: d.divisionId,
      bbox: d.bbox,
      polygons: d.polygons,
    }));
    const withShape = new Set(this.shapes.map((s) => s.divisionId));
    for (const zcta in zctas) {
      const entry = zctas[zcta]!;
      if (entry.lat === null || entry.lon === null || entry.districts.length !== 1) continue;
      const divisionId = entry.districts[0]!;
      if (!withShape.has(divisionId)) this.islandPoints.push({ zcta, lat: entry.lat, lon: entry.lon, divisionId });
    }
  }

  get shapeCount(): number {
    return this.shapes.length;
  }

  locate(lat: number, lon: number): PointAnswer {
    const inside: string[] = [];
    const nearby: string[] = [];
    for (const shape of this.shapes) {
      if (!bboxContains(shape.bbox, lon, lat, BOUNDARY_MARGIN_KM)) continue;
      if (bboxContains(shape.bbox, lon, lat) && containsPoint(shape.polygons, lon, lat)) inside.push(shape.divisionId);
      else if (distanceToEdgesKm(shape.polygons, lon, lat) <= BOUNDARY_MARGIN_KM) nearby.push(shape.divisionId);
    }
    // Two generalised polygons can overlap slightly; a point in both is near their shared boundary.
    if (inside.length === 1) return { kind: 'inside', divisionId: inside[0]!, nearby };
    if (inside.length > 1 || nearby.length > 0) return { kind: 'near', nearby: [...inside, ...nearby] };

    let best: { zcta: string; divisionId: string; distanceKm: number } | null = null;
    for (const p of this.islandPoints) {
      const distanceKm = haversineKm(lat, lon, p.lat, p.lon);
      if (distanceKm <= TERRITORY_RADIUS_KM && (!best || distanceKm < best.distanceKm)) {
        best = { zcta: p.zcta, divisionId: p.divisionId, distanceKm };
      }
    }
    return best ? { kind: 'territory', ...best } : { kind: 'outside' };
  }
}
