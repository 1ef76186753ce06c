import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DistrictShape, ZctaEntry } from '../types.ts';
import { crossCheckZctas } from './crosswalk-check.ts';

const ND = 'ocd-division/country:us/state:nd';
const SD = 'ocd-division/country:us/state:sd';

/** A one-degree square district: [minLon, minLat] to [minLon + 1, minLat + 1]. */
function square(divisionId: string, state: 'ND' | 'SD', minLon: number, minLat: number): DistrictShape {
  const [x, y] = [minLon, minLat];
  return {
    divisionId,
    state,
    district: '0',
    bbox: [x, y, x + 1, y + 1],
    polygons: [
      [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ],
    ],
  };
}

// North Dakota above latitude 46, South Dakota below it.
const shapes = [square(ND, 'ND', -101, 46), square(SD, 'SD', -101, 45)];
const entry = (lat: number, districts: string[]): ZctaEntry => ({ lat, lon: -100.5, districts });

/** Six ZCTAs that make 576 a South Dakota prefix, and `extra`. */
function crosswalk(extra: Record<string, ZctaEntry>): Record<string, ZctaEntry> {
  const zctas: Record<string, ZctaEntry> = {};
  for (let i = 1; i <= 6; i++) zctas[`5760${i}`] = entry(45.3, [SD]);
  zctas['58001'] = entry(46.5, [ND]);
  return { ...zctas, ...extra };
}

test('adds the district whose polygon holds the internal point well inside it', () => {
  const zctas = crosswalk({ '58999': entry(45.5, [ND]) });
  const corrections = crossCheckZctas(zctas, shapes);
  assert.deepEqual(corrections, [{ zcta: '58999', added: [SD], reason: 'internal_point' }]);
  assert.deepEqual(zctas['58999']?.districts, [ND, SD]);
  assert.deepEqual(zctas['58999']?.crosswalk, [ND], 'the crosswalk’s own list is kept');
  assert.equal(zctas['58001']?.crosswalk, undefined, 'agreeing entries are untouched');
});

test('a point just across a coarse boundary proves nothing, unless the ZIP prefix agrees', () => {
  // 45.99° is 1.1 km south of the line: within the 2 km margin of the 1:20m polygons.
  const zctas = crosswalk({ '58998': entry(45.99, [ND]), '57648': entry(45.99, [ND]) });
  const corrections = crossCheckZctas(zctas, shapes);
  assert.deepEqual(corrections, [{ zcta: '57648', added: [SD], reason: 'zip_prefix' }]);
  assert.deepEqual(zctas['58998']?.districts, [ND], '589 is no South Dakota prefix');
});

test('the prefix alone adds nothing when the point is far from that state', () => {
  const zctas = crosswalk({ '57699': entry(46.8, [ND]) });
  assert.deepEqual(crossCheckZctas(zctas, shapes), []);
});

test('an entry without an internal point, or already incomplete, is left as it is', () => {
  const zctas = crosswalk({
    '57690': { lat: null, lon: null, districts: [ND] },
    '57691': { ...entry(45.5, [ND]), incomplete: true },
  });
  assert.deepEqual(crossCheckZctas(zctas, shapes), []);
});
