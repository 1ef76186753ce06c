/**
 * Planar geometry on lon/lat rings, enough for district lookups: even-odd ray casting (which
 * handles holes and multi-part districts without special cases) and the distance from a point to
 * a ring's edges. Distances use an equirectangular projection around the point: over the few
 * kilometres that matter here its error is far below the boundaries' own generalisation error.
 */

export type Ring = number[][];
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

const KM_PER_DEGREE = 111.195; // mean Earth radius 6,371 km × π / 180

/** Even-odd rule over every ring of every polygon: a point in a hole crosses the hole's ring too. */
export function containsPoint(polygons: Ring[][], lon: number, lat: number): boolean {
  let inside = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (ringCrossings(ring, lon, lat)) inside = !inside;
    }
  }
  return inside;
}

/** True when a ray from the point eastwards crosses the ring an odd number of times. */
function ringCrossings(ring: Ring, lon: number, lat: number): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    const ay = a[1]!;
    const by = b[1]!;
    if (ay > lat !== by > lat) {
      const x = a[0]! + ((lat - ay) * (b[0]! - a[0]!)) / (by - ay);
      if (lon < x) odd = !odd;
    }
  }
  return odd;
}

/** Shortest distance in kilometres from the point to any edge of the polygons. */
export function distanceToEdgesKm(polygons: Ring[][], lon: number, lat: number): number {
  const kx = KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = KM_PER_DEGREE;
  let best = Number.POSITIVE_INFINITY;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const ax = (ring[j]![0]! - lon) * kx;
        const ay = (ring[j]![1]! - lat) * ky;
        const bx = (ring[i]![0]! - lon) * kx;
        const by = (ring[i]![1]! - lat) * ky;
        const d = segmentDistanceSquared(ax, ay, bx, by);
        if (d < best) best = d;
      }
    }
  }
  return Math.sqrt(best);
}

/** Squared distance from the origin to segment AB. */
function segmentDistanceSquared(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : -(ax * dx + ay * dy) / length2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}

export function bboxContains(bbox: Bbox, lon: number, lat: number, marginKm = 0): boolean {
  const dLat = marginKm / KM_PER_DEGREE;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return lon >= bbox[0] - dLon && lon <= bbox[2] + dLon && lat >= bbox[1] - dLat && lat <= bbox[3] + dLat;
}

/** Great-circle distance (haversine) in kilometres. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
