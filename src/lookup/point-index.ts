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

/**
 * How far (km) off the map a point may be and still be answered from the nearest ZIP area. The
 * 1:20m polygons drop small islands, spits and exclaves: of the ZCTA internal points in states,
 * 37 lie outside every polygon, the farthest Point Roberts, WA (98281), 18 km from WA-2's; Tangier
 * Island, VA (23440) is nearer Maryland's polygon than Virginia's, which is why the nearest ZIP
 * area, not the nearest polygon, answers.
 */
export const OFF_MAP_RADIUS_KM = 25;

export type PointAnswer =
  | { kind: 'inside'; divisionId: string; nearby: string[] }
  | { kind: 'near'; nearby: string[] }
  /** Outside every polygon but near one district only, or nearest to a ZIP area (`zcta`) of a state. */
  | { kind: 'off_map'; divisionIds: string[]; zcta: string | null; distanceKm: number }
  | { kind: 'territory'; divisionId: string; zcta: string; distanceKm: number }
  | { kind: 'outside' };

interface Shape {
  divisionId: string;
  bbox: Bbox;
  polygons: number[][][][];
}

interface ZctaPoint {
  zcta: string;
  lat: number;
  lon: number;
  districts: string[];
}

export class PointIndex {
  private readonly shapes: Shape[];
  private readonly islandPoints: Array<{ zcta: string; lat: number; lon: number; divisionId: string }> = [];
  /** Internal points of the ZCTAs of districts that have a polygon, by latitude for a quick window. */
  private readonly zctaPoints: ZctaPoint[] = [];

  constructor(districts: DistrictShape[], zctas: Record<string, ZctaEntry>) {
    this.shapes = districts.map((d) => ({
      divisionId: d.divisionId,
      bbox: d.bbox,
      polygons: d.polygons,
    }));
    const withShape = new Set(this.shapes.map((s) => s.divisionId));
    for (const zcta in zctas) {
      const entry = zctas[zcta]!;
      if (entry.lat === null || entry.lon === null || entry.districts.length === 0 || entry.incomplete) continue;
      const divisionId = entry.districts[0]!;
      if (entry.districts.length === 1 && !withShape.has(divisionId)) {
        this.islandPoints.push({ zcta, lat: entry.lat, lon: entry.lon, divisionId });
      } else if (entry.districts.every((d) => withShape.has(d))) {
        this.zctaPoints.push({ zcta, lat: entry.lat, lon: entry.lon, districts: entry.districts });
      }
    }
    this.zctaPoints.sort((a, b) => a.lat - b.lat);
  }

  get shapeCount(): number {
    return this.shapes.length;
  }

  locate(lat: number, lon: number): PointAnswer {
    const inside: string[] = [];
    const nearby: string[] = [];
    let nearestKm = Number.POSITIVE_INFINITY;
    for (const shape of this.shapes) {
      if (!bboxContains(shape.bbox, lon, lat, BOUNDARY_MARGIN_KM)) continue;
      if (bboxContains(shape.bbox, lon, lat) && containsPoint(shape.polygons, lon, lat)) {
        inside.push(shape.divisionId);
        continue;
      }
      const km = distanceToEdgesKm(shape.polygons, lon, lat);
      if (km <= BOUNDARY_MARGIN_KM) {
        nearby.push(shape.divisionId);
        nearestKm = Math.min(nearestKm, km);
      }
    }
    // Two generalised polygons can overlap slightly; a point in both is near their shared boundary.
    if (inside.length === 1) return { kind: 'inside', divisionId: inside[0]!, nearby };
    if (inside.length > 1 || nearby.length > 1) return { kind: 'near', nearby: [...inside, ...nearby] };
    // Off the map, by a coast or on an island the generalisation dropped: near one district only,
    // or else as the nearest ZIP area.
    if (nearby.length === 1) return { kind: 'off_map', divisionIds: nearby, zcta: null, distanceKm: nearestKm };
    const zcta = this.nearestZcta(lat, lon);
    const island = this.nearestIsland(lat, lon);
    if (zcta && (!island || zcta.km <= island.distanceKm)) {
      return { kind: 'off_map', divisionIds: zcta.point.districts, zcta: zcta.point.zcta, distanceKm: zcta.km };
    }
    return island ? { kind: 'territory', ...island } : { kind: 'outside' };
  }

  private nearestIsland(lat: number, lon: number): { zcta: string; divisionId: string; distanceKm: number } | null {
    let best: { zcta: string; divisionId: string; distanceKm: number } | null = null;
    for (const p of this.islandPoints) {
      const distanceKm = haversineKm(lat, lon, p.lat, p.lon);
      if (distanceKm <= TERRITORY_RADIUS_KM && (!best || distanceKm < best.distanceKm)) {
        best = { zcta: p.zcta, divisionId: p.divisionId, distanceKm };
      }
    }
    return best;
  }

  private nearestZcta(lat: number, lon: number): { point: ZctaPoint; km: number } | null {
    const window = OFF_MAP_RADIUS_KM / 111; // degrees of latitude
    let lo = 0;
    let hi = this.zctaPoints.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.zctaPoints[mid]!.lat < lat - window) lo = mid + 1;
      else hi = mid;
    }
    let best: { point: ZctaPoint; km: number } | null = null;
    for (let i = lo; i < this.zctaPoints.length && this.zctaPoints[i]!.lat <= lat + window; i++) {
      const point = this.zctaPoints[i]!;
      const km = haversineKm(lat, lon, point.lat, point.lon);
      if (km <= OFF_MAP_RADIUS_KM && (!best || km < best.km)) best = { point, km };
    }
    return best;
  }
}
