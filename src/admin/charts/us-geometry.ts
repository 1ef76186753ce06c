import { createRequire } from 'node:module';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { StateCode } from '../../domain.ts';
import { stateFromFips } from '../../officials/states.ts';

/**
 * State outlines from us-atlas's `states-albers-10m.json`: already projected (Albers USA, with
 * Alaska and Hawaii inset) into a 975×610 plane, so a feature's coordinates are SVG coordinates
 * and no projection library is needed. Computed once, on first use.
 */

export interface StateShape {
  code: StateCode;
  name: string;
  /** SVG path data. */
  d: string;
  /** Where a label fits: the centroid of the largest polygon, and that polygon's area. */
  label: { x: number; y: number; area: number };
}

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

const r = (n: number) => Math.round(n * 10) / 10;

function ringPath(ring: Position[]): string {
  return `M${ring.map(([x, y]) => `${r(x!)},${r(y!)}`).join('L')}Z`;
}

/** Signed area and centroid of a ring (the shoelace formula). */
function ringCentroid(ring: Position[]): { x: number; y: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  a /= 2;
  return a === 0
    ? { x: ring[0]![0]!, y: ring[0]![1]!, area: 0 }
    : { x: cx / (6 * a), y: cy / (6 * a), area: Math.abs(a) };
}

export function shapesFromTopology(topology: Topology): StateShape[] {
  const states = topology.objects.states as GeometryCollection<{ name: string }>;
  const collection = feature(topology, states);
  const shapes: StateShape[] = [];
  for (const f of collection.features) {
    const code = stateFromFips(String(f.id)); // us-atlas ids are Census FIPS state codes
    if (!code || !f.geometry) continue;
    const geometry = f.geometry as Polygon | MultiPolygon;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const d = polygons.map((rings) => rings.map(ringPath).join('')).join('');
    const label = polygons
      .map((rings) => ringCentroid(rings[0]!))
      .reduce((best, c) => (c.area > best.area ? c : best), { x: 0, y: 0, area: -1 });
    shapes.push({ code, name: f.properties?.name ?? code, d, label });
  }
  return shapes.sort((a, b) => a.code.localeCompare(b.code));
}

let cached: StateShape[] | null = null;
export function stateShapes(): StateShape[] {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = shapesFromTopology(require('us-atlas/states-albers-10m.json') as Topology);
  }
  return cached;
}
