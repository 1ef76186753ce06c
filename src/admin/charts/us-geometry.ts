import { createRequire } from 'node:module';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { StateCode } from '../../domain.ts';

/**
 * State outlines from us-atlas's `states-albers-10m.json`: already projected (Albers USA, with
 * Alaska and Hawaii inset) into a 975×610 plane, so a feature's coordinates are SVG coordinates
 * and no projection library is needed. Computed once, on first use.
 */

/** us-atlas ids are Census FIPS state codes. */
const FIPS: Record<string, StateCode> = {
  '01': 'AL',
  '02': 'AK',
  '04': 'AZ',
  '05': 'AR',
  '06': 'CA',
  '08': 'CO',
  '09': 'CT',
  '10': 'DE',
  '11': 'DC',
  '12': 'FL',
  '13': 'GA',
  '15': 'HI',
  '16': 'ID',
  '17': 'IL',
  '18': 'IN',
  '19': 'IA',
  '20': 'KS',
  '21': 'KY',
  '22': 'LA',
  '23': 'ME',
  '24': 'MD',
  '25': 'MA',
  '26': 'MI',
  '27': 'MN',
  '28': 'MS',
  '29': 'MO',
  '30': 'MT',
  '31': 'NE',
  '32': 'NV',
  '33': 'NH',
  '34': 'NJ',
  '35': 'NM',
  '36': 'NY',
  '37': 'NC',
  '38': 'ND',
  '39': 'OH',
  '40': 'OK',
  '41': 'OR',
  '42': 'PA',
  '44': 'RI',
  '45': 'SC',
  '46': 'SD',
  '47': 'TN',
  '48': 'TX',
  '49': 'UT',
  '50': 'VT',
  '51': 'VA',
  '53': 'WA',
  '54': 'WV',
  '55': 'WI',
  '56': 'WY',
  '60': 'AS',
  '66': 'GU',
  '69': 'MP',
  '72': 'PR',
  '78': 'VI',
};

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
    const code = FIPS[String(f.id)];
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
