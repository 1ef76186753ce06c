import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bboxContains, containsPoint, distanceToEdgesKm, haversineKm } from './geometry.ts';

// A 2°×2° square with a 1°×1° hole in the middle, and a separate 1°×1° island to the east.
const square = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
  [0, 0],
];
const hole = [
  [0.5, 0.5],
  [1.5, 0.5],
  [1.5, 1.5],
  [0.5, 1.5],
  [0.5, 0.5],
];
const island = [
  [5, 0],
  [6, 0],
  [6, 1],
  [5, 1],
  [5, 0],
];
const shape = [[square, hole], [island]];

test('a point in the ring is inside, in the hole is outside, on the island is inside', () => {
  assert.equal(containsPoint(shape, 0.25, 0.25), true);
  assert.equal(containsPoint(shape, 1, 1), false);
  assert.equal(containsPoint(shape, 5.5, 0.5), true);
  assert.equal(containsPoint(shape, 3.5, 0.5), false);
  assert.equal(containsPoint(shape, -1, 1), false);
});

test('distance to the nearest edge counts hole edges and scales longitude by latitude', () => {
  // 0.1° from the hole's west edge at latitude 1°: 0.1 × 111.195 × cos(1°) ≈ 11.1 km.
  assert.ok(Math.abs(distanceToEdgesKm(shape, 0.4, 1) - 11.118) < 0.05);
  // Near the pole a degree of longitude is short: 0.1° at 60° N is about 5.56 km.
  const north = [
    [
      [0, 59],
      [1, 59],
      [1, 61],
      [0, 61],
      [0, 59],
    ],
  ];
  assert.ok(Math.abs(distanceToEdgesKm([north], 1.1, 60) - 5.56) < 0.05);
});

test('bbox checks widen by a margin in kilometres', () => {
  const bbox: [number, number, number, number] = [0, 0, 1, 1];
  assert.equal(bboxContains(bbox, 1.01, 0.5), false);
  assert.equal(bboxContains(bbox, 1.01, 0.5, 2), true);
});

test('haversine distance matches a known pair (SFO–LAX ≈ 543 km)', () => {
  assert.ok(Math.abs(haversineKm(37.6213, -122.379, 33.9416, -118.4085) - 543) < 3);
});
