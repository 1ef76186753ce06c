import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { HttpError } from '../http/errors.ts';
import type { Directory } from '../officials/directory.ts';
import type { DirectoryData, LookupResult } from '../officials/types.ts';
import { mirrorDirectory, TEST_NOW } from './testing.ts';

let directory: Directory;
let data: DirectoryData;
let clock: Awaited<ReturnType<typeof mirrorDirectory>>['clock'];

before(async () => {
  ({ directory, data, clock } = await mirrorDirectory());
});

const seatIds = (r: LookupResult) => r.representations.map((x) => x.seat.id);
const roles = (r: LookupResult) => r.representations.map((x) => x.seat.role);
const houseOf = (r: LookupResult) => r.representations.filter((x) => x.seat.chamber === 'house');
const senatorsOf = (r: LookupResult) => r.representations.filter((x) => x.seat.chamber === 'senate');

function assertHttpError(fn: () => unknown, status: number, code: string): HttpError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof HttpError, `expected HttpError, got ${String(err)}`);
    assert.equal(err.status, status);
    assert.equal(err.code, code);
    assert.ok(err.message.length > 20, 'the message explains the problem');
    return err;
  }
  assert.fail('expected an error');
}

describe('ZIP lookups', () => {
  test('a ZIP in one district names the President, VP, both senators, the representative and the governor', () => {
    const r = directory.lookupZip('94110');
    assert.equal(r.confidence, 'exact');
    assert.equal(r.state, 'CA');
    assert.deepEqual(roles(r).slice(0, 5), ['president', 'vice_president', 'senator', 'senator', 'representative']);
    assert.equal(houseOf(r)[0]!.seat.id, 'house:ca:11');
    assert.ok(roles(r).includes('governor'));
    assert.deepEqual(r.divisions, [
      'ocd-division/country:us',
      'ocd-division/country:us/state:ca',
      'ocd-division/country:us/state:ca/cd:11',
    ]);
    assert.ok(!r.representations.some((x) => x.seat.chamber.startsWith('state_l')), 'no state legislators');
  });

  test('ZIP+4 and surrounding spaces give the same answer as the 5-digit ZIP', () => {
    const plain = directory.lookupZip('94110');
    assert.equal(directory.lookupZip('94110-1234'), plain);
    assert.equal(directory.lookupZip(' 94110 '), plain);
    assert.equal(directory.lookupZip('941101234'), plain);
  });

  test('asks for an address when a ZIP spans three districts (90210 → CA-30/32/36), listing each member', () => {
    const r = directory.lookupZip('90210');
    assert.equal(r.confidence, 'zip_spans_districts');
    assert.equal(r.state, 'CA');
    assert.deepEqual(
      r.candidates.map((c) => c.district),
      ['30', '32', '36'],
    );
    for (const c of r.candidates) {
      assert.equal(c.representative?.seat.id, `house:ca:${c.district}`);
      assert.ok(c.representative?.official, 'each candidate district has its member');
    }
    assert.equal(houseOf(r).length, 0, 'never picks one district');
    assert.equal(senatorsOf(r).length, 2, 'the state is certain, so its senators are too');
    assert.match(r.message ?? '', /street address/);
  });

  test('asks which state when a ZIP crosses state lines, with candidates in each state', () => {
    const crossing = Object.entries(data.zctas).filter(([, e]) => {
      const states = new Set((e.crosswalk ?? e.districts).map((d) => /state:([a-z]{2})/.exec(d)?.[1]));
      return states.size > 1;
    });
    assert.equal(crossing.length, 109, 'the README counts 109 cross-state ZCTAs');
    const [zip, entry] = crossing[0]!;
    const r = directory.lookupZip(zip);
    assert.equal(r.confidence, 'zip_spans_states');
    assert.equal(r.state, null);
    assert.equal(senatorsOf(r).length, 0, 'no senators are certain');
    assert.deepEqual(roles(r), ['president', 'vice_president']);
    assert.equal(r.candidates.length, entry.districts.length);
    assert.ok(new Set(r.candidates.map((c) => c.state)).size > 1);
  });

  test('a ZIP the crosswalk puts in one state but whose center is in another asks which (57642 → ND or SD)', () => {
    const r = directory.lookupZip('57642');
    assert.equal(r.confidence, 'zip_spans_states');
    assert.equal(r.state, null);
    assert.deepEqual(
      r.candidates.map((c) => c.divisionId),
      ['ocd-division/country:us/state:nd', 'ocd-division/country:us/state:sd'],
    );
    assert.equal(directory.lookupZip('81120').confidence, 'zip_spans_states', 'Colorado, listed under NM-3');
  });

  test('each candidate of a ZIP that spans states carries its state’s senators and governor (30165)', () => {
    const r = directory.lookupZip('30165');
    assert.equal(r.confidence, 'zip_spans_states');
    assert.deepEqual(roles(r), ['president', 'vice_president'], 'nothing state-wide is certain');
    for (const state of ['AL', 'GA'] as const) {
      const candidate = r.candidates.find((c) => c.state === state)!;
      assert.ok(candidate.representative?.official, `${state} candidate has its member`);
      assert.deepEqual(
        (candidate.senators ?? []).map((x) => x.seat.state),
        [state, state],
      );
      assert.ok(
        candidate.senators?.every((x) => x.official),
        `${state} senators are named`,
      );
      assert.equal(candidate.governor?.seat.id, `governor:${state.toLowerCase()}`);
      assert.ok(candidate.governor?.official);
    }
  });

  test('candidates in one state leave its senators and governor to the answer, which lists them once (90210)', () => {
    const r = directory.lookupZip('90210');
    assert.equal(r.confidence, 'zip_spans_districts');
    assert.equal(senatorsOf(r).length, 2);
    assert.ok(r.representations.some((x) => x.seat.id === 'governor:ca'));
    for (const candidate of r.candidates) {
      assert.equal(candidate.senators, undefined);
      assert.equal(candidate.governor, undefined);
      assert.ok(candidate.representative);
    }
  });

  test('a DC candidate has no senators and the District’s mayoralty as its governor', () => {
    // On DC's boundary with Maryland: a point there has a DC candidate and a Maryland one.
    const dcShape = data.districts.find((d) => d.divisionId === 'ocd-division/country:us/district:dc')!;
    const [lon, lat] = dcShape.polygons[0]![0]![0]!;
    const r = directory.lookupPoint(lat!, lon!);
    assert.equal(r.confidence, 'near_boundary');
    const dc = r.candidates.find((c) => c.state === 'DC')!;
    assert.deepEqual(dc.senators, []);
    assert.equal(dc.governor?.seat.role, 'mayor');
    const other = r.candidates.find((c) => c.state !== 'DC')!;
    assert.equal(other.senators?.length, 2);
  });

  test('a well-formed ZIP that is not a ZCTA asks for a street address', () => {
    for (const zip of ['99949', '00501', '20500', '09001']) {
      const r = directory.lookupZip(zip);
      assert.equal(r.confidence, 'unknown_zip', zip);
      assert.match(r.message ?? '', /street address/);
      assert.deepEqual(roles(r), ['president', 'vice_president']);
      assert.equal(r.state, null);
    }
  });

  test('rejects malformed ZIP codes with a 400 that says what is wrong', () => {
    assert.match(assertHttpError(() => directory.lookupZip('1234'), 400, 'invalid_zip').message, /4 digits/);
    assert.match(assertHttpError(() => directory.lookupZip('ABCDE'), 400, 'invalid_zip').message, /digits/);
    assert.match(assertHttpError(() => directory.lookupZip(''), 400, 'invalid_zip').message, /empty/);
    assertHttpError(() => directory.lookupZip('94110-12345'), 400, 'invalid_zip');
    assertHttpError(() => directory.lookupZip('x'.repeat(10)), 400, 'invalid_zip');
  });

  test('refuses ZIPs outside the USPS range (00501–99950) as bad input, not as unknown ZIPs', () => {
    for (const zip of ['00000', '00500', '99951', '99999', '00000-1234']) {
      assert.match(assertHttpError(() => directory.lookupZip(zip), 400, 'invalid_zip').message, /00501 to 99950/, zip);
    }
  });

  test('DC 20001 has its delegate and no senators', () => {
    const r = directory.lookupZip('20001');
    assert.equal(r.confidence, 'exact');
    assert.equal(r.state, 'DC');
    assert.equal(senatorsOf(r).length, 0);
    assert.equal(houseOf(r)[0]!.seat.role, 'delegate');
    assert.equal(houseOf(r)[0]!.seat.district, '0');
  });

  test('island-area ZCTAs missing from the crosswalk map to their delegate (GU 96910, VI 00802)', () => {
    for (const [zip, state] of [
      ['96910', 'GU'],
      ['00802', 'VI'],
      ['96799', 'AS'],
    ] as const) {
      const r = directory.lookupZip(zip);
      assert.equal(r.confidence, 'exact', zip);
      assert.equal(r.state, state);
      assert.equal(senatorsOf(r).length, 0);
      assert.equal(houseOf(r)[0]!.seat.id, `house:${state.toLowerCase()}:0`);
      assert.equal(houseOf(r)[0]!.official?.role, 'delegate');
    }
  });

  test('an at-large state ZIP (Wyoming 82001) is exact with district 0', () => {
    const r = directory.lookupZip('82001');
    assert.equal(r.confidence, 'exact');
    assert.equal(houseOf(r)[0]!.seat.id, 'house:wy:0');
    assert.equal(senatorsOf(r).length, 2);
  });

  test('repeated ZIP lookups return the memoised answer', () => {
    assert.equal(directory.lookupZip('10001'), directory.lookupZip('10001'));
    assert.ok(Object.isFrozen(directory.lookupZip('10001')));
  });
});

describe('state lookups', () => {
  test('reads codes and English or Spanish names, ignoring case and accents', () => {
    const cases: Array<[string, string]> = [
      ['ca', 'CA'],
      ['California', 'CA'],
      ['Nueva York', 'NY'],
      ['carolina del norte', 'NC'],
      ['Hawái', 'HI'],
      ['HAWAII', 'HI'],
      ['Distrito de Columbia', 'DC'],
      ['Puerto Rico', 'PR'],
      ['Pensilvania', 'PA'],
      ['  texas ', 'TX'],
      ['Islas Vírgenes', 'VI'],
    ];
    for (const [input, code] of cases) assert.equal(directory.lookupState(input).state, code, input);
  });

  test('a state with several districts answers state_only: senators and governor but no representative', () => {
    const r = directory.lookupState('New York');
    assert.equal(r.confidence, 'state_only');
    assert.equal(senatorsOf(r).length, 2);
    assert.equal(houseOf(r).length, 0);
    assert.ok(roles(r).includes('governor'));
    assert.match(r.message ?? '', /ZIP code or street address/);
  });

  test('an at-large state is exact, since its one district is known (AK)', () => {
    const r = directory.lookupState('Alaska');
    assert.equal(r.confidence, 'exact');
    assert.equal(houseOf(r)[0]!.seat.id, 'house:ak:0');
  });

  test('Puerto Rico has its Resident Commissioner and no senators', () => {
    const r = directory.lookupState('Puerto Rico');
    assert.equal(r.confidence, 'exact');
    assert.equal(senatorsOf(r).length, 0);
    assert.equal(houseOf(r)[0]!.seat.role, 'resident_commissioner');
  });

  test('an unknown state is a 400', () => {
    assertHttpError(() => directory.lookupState('XX'), 400, 'invalid_state');
    assertHttpError(() => directory.lookupState('Narnia'), 400, 'invalid_state');
    assertHttpError(() => directory.lookupState(''), 400, 'invalid_state');
  });
});

describe('district lookups', () => {
  test('reads CA-12, ca12, "CA 12" and the OCD id alike', () => {
    const expected = directory.lookupDistrict('CA-12');
    assert.equal(houseOf(expected)[0]!.seat.id, 'house:ca:12');
    for (const input of ['ca12', 'CA 12', 'ca-12', 'ocd-division/country:us/state:ca/cd:12']) {
      assert.deepEqual(seatIds(directory.lookupDistrict(input)), seatIds(expected), input);
    }
  });

  test('at-large and delegate seats are district 0: AK-AL, AK-0, DC-0', () => {
    assert.equal(houseOf(directory.lookupDistrict('AK-AL'))[0]!.seat.id, 'house:ak:0');
    assert.equal(houseOf(directory.lookupDistrict('AK-0'))[0]!.seat.id, 'house:ak:0');
    const dc = directory.lookupDistrict('DC-0');
    assert.equal(houseOf(dc)[0]!.seat.id, 'house:dc:0');
    assert.equal(senatorsOf(dc).length, 0);
  });

  test('a vacant seat is returned as vacant with no official (CA-14)', () => {
    const r = directory.lookupDistrict('CA-14');
    const house = houseOf(r)[0]!;
    assert.equal(house.vacant, true);
    assert.equal(house.official, null);
    assert.equal(house.seat.id, 'house:ca:14');
    assert.equal(r.confidence, 'exact');
  });

  test('leading zeros never matter, in codes or OCD ids, for numbered and at-large seats', () => {
    for (const input of ['CA-012', 'CA-0012', 'ocd-division/country:us/state:ca/cd:012']) {
      assert.equal(houseOf(directory.lookupDistrict(input))[0]!.seat.id, 'house:ca:12', input);
    }
    for (const input of ['AK-01', 'AK-001', 'AK-00', 'ocd-division/country:us/state:ak/cd:1']) {
      assert.equal(houseOf(directory.lookupDistrict(input))[0]!.seat.id, 'house:ak:0', input);
    }
  });

  test('an OCD id of a state legislative district the data lacks is a 404 naming it', () => {
    const id = 'ocd-division/country:us/state:ca/sldl:999';
    const message = assertHttpError(() => directory.lookupDistrict(id), 404, 'unknown_district').message;
    assert.equal(message, `There is no California state house district "999" in the officials data (${id}).`);
    assertHttpError(
      () => directory.lookupDistrict('ocd-division/country:us/district:dc/ward:9'),
      404,
      'unknown_district',
    );
    const known = data.seats.find((s) => s.chamber === 'state_lower' && s.state === 'CA' && s.officialId)!;
    const r = directory.lookupDistrict(known.divisionId);
    assert.ok(
      r.representations.some((x) => x.seat.id === known.id),
      'a known one still answers',
    );
  });

  test('a district that does not exist is a 404 naming the range', () => {
    assert.match(assertHttpError(() => directory.lookupDistrict('CA-99'), 404, 'unknown_district').message, /1 to 52/);
    assert.match(assertHttpError(() => directory.lookupDistrict('CA-123'), 404, 'unknown_district').message, /1 to 52/);
    assert.match(
      assertHttpError(() => directory.lookupDistrict('ocd-division/country:us/state:ca/cd:99'), 404, 'unknown_district')
        .message,
      /There is no district CA-99: California has districts 1 to 52/,
    );
    assertHttpError(() => directory.lookupDistrict('CA-0'), 404, 'unknown_district');
    assertHttpError(() => directory.lookupDistrict('hello'), 400, 'invalid_district');
    assertHttpError(() => directory.lookupDistrict('ocd-division/country:fr'), 400, 'invalid_district');
  });
});

describe('out-of-date flags', () => {
  test('flags a member whose recorded term has ended, and only after it ended', () => {
    // Sen. Husted (OH) is an appointee whose term is recorded as ending on 2026-11-03.
    const husted = () => senatorsOf(directory.lookupState('OH')).find((s) => s.official?.termEnd === '2026-11-03');
    clock.set('2026-10-01T12:00:00Z');
    assert.equal(husted()?.mayBeOutOfDate, false);
    clock.set(TEST_NOW);
    assert.equal(husted()?.mayBeOutOfDate, true);
    const others = senatorsOf(directory.lookupState('OH')).filter((s) => s !== husted());
    assert.ok(others.every((s) => !s.mayBeOutOfDate));
  });

  test('the revision moves when a term end passes, so caches of answers can tell', () => {
    clock.set('2026-10-01T12:00:00Z');
    const before = directory.revision();
    clock.set(TEST_NOW);
    assert.ok(directory.revision() > before);
  });
});

describe('seats whose holder is not in the data', () => {
  test('North Carolina’s governor seat is held by someone the data does not name: not vacant, no one shown', () => {
    const governor = directory.lookupState('NC').representations.find((r) => r.seat.id === 'governor:nc')!;
    assert.equal(governor.official, null);
    assert.equal(governor.vacant, false);
    assert.equal(governor.holderUnknown, true);
    assert.equal(governor.mayBeOutOfDate, false);
    assert.equal(directory.findRepresentation('governor:nc')?.holderUnknown, true);
  });

  test('Newsom stays, flagged as possibly out of date: his record’s end date has passed', () => {
    const governor = directory.lookupZip('94110').representations.find((r) => r.seat.id === 'governor:ca')!;
    assert.equal(governor.official?.name, 'Gavin Newsom');
    assert.equal(governor.mayBeOutOfDate, true);
  });
});

describe('point lookups', () => {
  test('a point well inside a district is exact (the Mission, San Francisco → CA-11)', () => {
    const r = directory.lookupPoint(37.7599, -122.4148);
    assert.equal(r.confidence, 'exact');
    assert.equal(houseOf(r)[0]!.seat.id, 'house:ca:11');
  });

  test('a point near a boundary between two districts lists both as candidates', () => {
    // A vertex shared by CA-11 and another district lies on their common boundary.
    const shape = data.districts.find((d) => d.divisionId === 'ocd-division/country:us/state:ca/cd:11')!;
    const others = data.districts.filter((d) => d !== shape && d.state === 'CA');
    const shared = shape.polygons[0]![0]!.find(([lon, lat]) =>
      others.some((o) => o.polygons.some((p) => p[0]!.some(([x, y]) => x === lon && y === lat))),
    );
    assert.ok(shared, 'CA-11 shares a boundary vertex with a neighbour');
    const r = directory.lookupPoint(shared[1]! + 0.001, shared[0]! + 0.001);
    assert.equal(r.confidence, 'near_boundary');
    assert.ok(r.candidates.length >= 2);
    assert.ok(r.candidates.some((c) => c.divisionId === shape.divisionId));
    assert.equal(houseOf(r).length, 0);
    assert.match(r.message ?? '', /2 km/);
  });

  test('single-district ZCTA points are answered exactly and wrongly at most 0.2 % of the time', () => {
    let total = 0;
    let wrong = 0;
    for (const entry of Object.values(data.zctas)) {
      if (entry.districts.length !== 1 || entry.lat === null || entry.lon === null) continue;
      if (!data.districts.some((d) => d.divisionId === entry.districts[0])) continue;
      total++;
      try {
        const r = directory.lookupPoint(entry.lat, entry.lon);
        if (r.confidence === 'exact' && !r.divisions.includes(entry.districts[0]!)) wrong++;
      } catch {
        // outside every polygon: not a wrong exact answer
      }
    }
    assert.ok(total > 26_000);
    assert.ok(wrong / total < 0.002, `${wrong} of ${total} wrong`);
  });

  test('territories without polygons are found from their ZIP areas (Guam)', () => {
    const r = directory.lookupPoint(13.4443, 144.7937);
    assert.equal(r.confidence, 'exact');
    assert.equal(r.state, 'GU');
    assert.equal(houseOf(r)[0]!.seat.id, 'house:gu:0');
  });

  test('a point just off a coast, near one district only, is that district with its member, as near_boundary', () => {
    const outerBanks = directory.lookupPoint(35.2219, -75.5355);
    const centroid = data.zctas['20625']!;
    const stMarys = directory.lookupPoint(centroid.lat!, centroid.lon!);
    for (const [r, id] of [
      [outerBanks, 'house:nc:3'],
      [stMarys, 'house:md:5'],
    ] as const) {
      assert.equal(r.confidence, 'near_boundary');
      assert.deepEqual(
        r.candidates.map((c) => c.representative?.seat.id),
        [id],
      );
      assert.ok(r.candidates[0]!.representative?.official, 'the candidate has its member');
      assert.equal(houseOf(r)[0]?.seat.id, id, 'and the answer shows the member');
      assert.equal(senatorsOf(r).length, 2);
      assert.match(r.message ?? '', /outside the approximate district map, but it is less than 1 km from (NC-3|MD-5)/);
      assert.doesNotMatch(r.message ?? '', /district boundary/);
    }
  });

  test('an island or exclave the map leaves out is answered from its nearest ZIP area', () => {
    // Point Roberts, WA is 18 km from WA-2's generalised polygon; Tangier Island, VA nearer Maryland's than Virginia's.
    const pointRoberts = directory.lookupPoint(48.9898, -123.0686);
    assert.equal(pointRoberts.confidence, 'near_boundary');
    assert.equal(houseOf(pointRoberts)[0]?.seat.id, 'house:wa:2');
    assert.match(pointRoberts.message ?? '', /nearest ZIP area is 98281/);
    const tangier = data.zctas['23440']!;
    assert.equal(houseOf(directory.lookupPoint(tangier.lat!, tangier.lon!))[0]?.seat.id, 'house:va:2');
  });

  test('a point in the open ocean is a 404 with advice', () => {
    assert.match(assertHttpError(() => directory.lookupPoint(0, 0), 404, 'outside_districts').message, /ZIP/);
  });

  test('rounds coordinates printed with every digit of a float, and answers them', () => {
    const r = directory.lookupPoint(Number('37.774929500000014'), Number('-122.41941550000001'));
    assert.equal(r.query.value, '37.77493,-122.419416');
    assert.equal(r.state, 'CA');
  });

  test('rejects impossible coordinates with a 400', () => {
    assertHttpError(() => directory.lookupPoint(91, 0), 400, 'invalid_point');
    assertHttpError(() => directory.lookupPoint(0, 200), 400, 'invalid_point');
    assertHttpError(() => directory.lookupPoint(Number.NaN, 0), 400, 'invalid_point');
  });
});

describe('divisions', () => {
  test('state legislators appear only when their divisions are given (geocoded address)', () => {
    const lower = data.seats.find((s) => s.state === 'CA' && s.chamber === 'state_lower' && s.officialId)!;
    const upper = data.seats.find((s) => s.state === 'CA' && s.chamber === 'state_upper' && s.officialId)!;
    const r = directory.lookupDivisions(
      ['ocd-division/country:us/state:ca/cd:12', upper.divisionId, lower.divisionId],
      { kind: 'address', value: 'geocoded' },
    );
    assert.equal(r.confidence, 'exact');
    assert.equal(houseOf(r)[0]!.seat.id, 'house:ca:12');
    const legislative = r.representations.filter(
      (x) => x.seat.chamber.startsWith('state_l') || x.seat.chamber === 'state_upper',
    );
    assert.deepEqual(
      legislative.map((x) => x.seat.chamber),
      ['state_upper', 'state_lower'],
      'upper house first',
    );
    assert.ok(r.divisions.includes(lower.divisionId));
  });

  test('DC Council: the at-large members and the chair with the ward member when a ward is given', () => {
    const r = directory.lookupDivisions(
      ['ocd-division/country:us/district:dc', 'ocd-division/country:us/district:dc/ward:2'],
      { kind: 'address', value: 'geocoded' },
    );
    const council = r.representations.filter((x) => x.seat.chamber === 'state_legislature');
    assert.ok(council.some((x) => x.seat.divisionId.endsWith('/ward:2')));
    assert.ok(!council.some((x) => /\/ward:[013-9]$/.test(x.seat.divisionId)), 'no other ward');
    assert.ok(
      council.some((x) => x.seat.divisionId === 'ocd-division/country:us/district:dc'),
      'at-large members',
    );
    assert.equal(senatorsOf(r).length, 0);
  });

  test('refuses divisions from two states', () => {
    assertHttpError(
      () =>
        directory.lookupDivisions(
          ['ocd-division/country:us/state:ca/cd:12', 'ocd-division/country:us/state:ny/cd:10'],
          { kind: 'address', value: 'x' },
        ),
      400,
      'invalid_division',
    );
  });

  test('finds a division, an official and a seat by id', () => {
    const division = directory.findDivision('ocd-division/country:us/state:ca/cd:12');
    assert.equal(division?.representations[0]?.seat.id, 'house:ca:12');
    assert.equal(directory.findDivision('ocd-division/country:us/state:ca/cd:99'), null);
    const state = directory.findDivision('ocd-division/country:us/state:wy');
    assert.ok(state?.representations.some((x) => x.seat.id === 'house:wy:0'));
    const vacancy = directory.findRepresentation('house:ca:14');
    assert.equal(vacancy?.vacant, true);
    const member = directory.findRepresentation(houseOf(directory.lookupZip('94110'))[0]!.official!.id);
    assert.equal(member?.seat.id, 'house:ca:11');
    assert.equal(directory.findRepresentation('nobody'), null);
  });
});
