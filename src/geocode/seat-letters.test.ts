import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { StateCode } from '../domain.ts';
import { LegislativeIndex, type LegislativeSeat } from './district-names.ts';
import { realDirectory } from './testing/real-directory.ts';

/**
 * Lettered and positional seats against the mirrored Open States data: the rule that a bare
 * district number stands for lettered seats holds in Idaho, and nowhere else can a number reach a
 * lettered district (there the letter is a territory of its own).
 */
let seats: LegislativeSeat[];
let index: LegislativeIndex;
before(async () => {
  seats = (await realDirectory()).data.seats;
  index = new LegislativeIndex(seats);
});

const lower = (state: StateCode, code: string) => {
  const match = index.match(state, 'lower', [{ code, names: [`State House District ${Number(code)}`] }]);
  return match.status === 'matched' ? match.seatIds.sort() : [];
};

test('Idaho: every legislative district number gives its two House seats, A and B', () => {
  const numbers = new Set(
    seats.filter((s) => s.state === 'ID' && s.chamber === 'state_lower').map((s) => s.district?.replace(/[AB]$/, '')),
  );
  assert.equal(numbers.size, 35);
  for (const n of numbers) {
    assert.deepEqual(lower('ID', `0${n}`.slice(-3)), [`sldl:id:${n}a`, `sldl:id:${n}b`], `district ${n}`);
  }
  // 700 W Jefferson St, Boise (the Capitol) is in district 19.
  assert.deepEqual(lower('ID', '019'), ['sldl:id:19a', 'sldl:id:19b']);
});

test('Washington, New Jersey and Arizona: the district number reaches both members, with no letters', () => {
  assert.deepEqual(lower('WA', '024'), ['sldl:wa:24:1', 'sldl:wa:24:2']);
  assert.deepEqual(lower('NJ', '035'), ['sldl:nj:35:1', 'sldl:nj:35:2']);
  assert.equal(lower('AZ', '005').length, 2);
  assert.equal(lower('SD', '006').length, 2);
});

test('subdistricts stay distinct: South Dakota 26A, North Dakota 4A, Maryland 1A, Minnesota 5A', () => {
  assert.deepEqual(lower('SD', '026'), []);
  assert.deepEqual(lower('SD', '26A'), ['sldl:sd:26a']);
  assert.deepEqual(lower('ND', '004'), []);
  assert.deepEqual(lower('ND', '04B'), ['sldl:nd:4b']);
  assert.deepEqual(lower('MD', '001'), []);
  assert.deepEqual(lower('MD', '01A'), ['sldl:md:1a']);
  assert.deepEqual(lower('MN', '005'), []);
  assert.deepEqual(lower('MN', '05A'), ['sldl:mn:5a']);
});

test('outside Idaho no bare number reaches a lettered district', () => {
  const lettered = seats.filter(
    (s) => s.state && s.state !== 'ID' && s.chamber === 'state_lower' && /^\d+[A-Z]$/.test(s.district ?? ''),
  );
  assert.ok(lettered.length > 40, `${lettered.length} lettered seats`);
  for (const s of lettered) {
    const n = s.district!.slice(0, -1);
    const reached = lower(s.state!, n);
    assert.ok(!reached.includes(s.id), `${s.state} "${n}" reached ${s.id}`);
  }
});
