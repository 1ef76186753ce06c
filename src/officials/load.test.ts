import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../clock.ts';
import { type Config, parseConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { isGovernorTermEnd } from './governor-terms.ts';
import { loadDirectoryData } from './load.ts';
import type { DirectoryData, Official, Seat } from './types.ts';

// The real mirror at config.dataDir (../shared/data beside the checkout), as of a fixed day
// between the 2026 election and the seating of the 120th Congress.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TODAY = '2026-11-28T15:00:00Z';

let varDir: string;
let config: Config;
let data: DirectoryData;
const logLines: string[] = [];

const seat = (id: string): Seat => {
  const s = data.seats.find((x) => x.id === id);
  assert.ok(s, `seat ${id}`);
  return s;
};
const official = (id: string | null): Official => {
  const o = data.officials.find((x) => x.id === id);
  assert.ok(o, `official ${id}`);
  return o;
};

before(async () => {
  varDir = await mkdtemp(path.join(tmpdir(), 'voz-load-'));
  config = { ...parseConfig({}, root), varDir };
  const logger = createLogger('info', (line) => logLines.push(line));
  data = await loadDirectoryData(config, { clock: fixedClock(TODAY), logger });
});
after(() => rm(varDir, { recursive: true, force: true }));

describe('the officials directory built from the mirror', () => {
  test('has 537 members of Congress: 100 senators and 437 House members', () => {
    const members = data.officials.filter((o) => o.chamber === 'senate' || o.chamber === 'house');
    assert.equal(members.length, 537);
    assert.equal(members.filter((o) => o.chamber === 'senate').length, 100);
    assert.equal(new Set(members.map((o) => o.seatId)).size, 537);
  });

  test('has 100 Senate seats and 441 House seats, with 4 House vacancies', () => {
    assert.equal(data.seats.filter((s) => s.chamber === 'senate').length, 100);
    const house = data.seats.filter((s) => s.chamber === 'house');
    assert.equal(house.length, 441);
    const vacant = house.filter((s) => s.officialId === null).map((s) => s.id);
    assert.deepEqual(vacant.sort(), ['house:ca:14', 'house:fl:20', 'house:ga:13', 'house:tx:23']);
    assert.equal(data.status.counts.vacancies, 4);
    assert.equal(seat('house:ca:14').divisionId, 'ocd-division/country:us/state:ca/cd:14');
  });

  test('gives DC no senators and a delegate on the District’s own division', () => {
    assert.equal(data.seats.filter((s) => s.chamber === 'senate' && s.state === 'DC').length, 0);
    const delegate = official(seat('house:dc:0').officialId);
    assert.equal(delegate.title, 'Delegate');
    assert.equal(delegate.role, 'delegate');
    assert.equal(delegate.divisionId, 'ocd-division/country:us/district:dc');
  });

  test('titles Puerto Rico’s member Resident Commissioner on the territory division', () => {
    const rc = official(seat('house:pr:0').officialId);
    assert.equal(rc.title, 'Resident Commissioner');
    assert.equal(rc.divisionId, 'ocd-division/country:us/territory:pr');
  });

  test('puts an at-large member on district 0 of the state’s division', () => {
    const wy = official(seat('house:wy:0').officialId);
    assert.equal(wy.district, '0');
    assert.equal(wy.divisionId, 'ocd-division/country:us/state:wy');
  });

  test('gives members a DC office and their district offices, with time zones', () => {
    const cantwell = official('C000127');
    assert.equal(cantwell.offices[0]?.kind, 'dc');
    assert.equal(cantwell.offices[0]?.phone, '202-224-3441');
    assert.ok(cantwell.offices.some((o) => o.kind === 'district' && o.city === 'Spokane'));
    assert.ok(cantwell.offices.every((o) => o.timeZone === 'America/New_York' || o.timeZone === 'America/Los_Angeles'));
    assert.equal(cantwell.gender, 'F');
    assert.equal(cantwell.social.twitter, 'SenatorCantwell');
  });

  test('maps 33,791 ZCTAs, including the 17 island-area ones, to their delegate', () => {
    assert.equal(Object.keys(data.zctas).length, 33791);
    assert.equal(data.status.counts.zctasIslandArea, 17);
    assert.deepEqual(data.zctas['00802']?.districts, ['ocd-division/country:us/territory:vi']);
    assert.deepEqual(data.zctas['96799']?.districts, ['ocd-division/country:us/territory:as']);
    assert.deepEqual(data.zctas['96910']?.districts, ['ocd-division/country:us/territory:gu']);
    assert.deepEqual(data.zctas['96950']?.districts, ['ocd-division/country:us/territory:mp']);
    assert.ok(Object.values(data.zctas).every((z) => z.districts.length > 0 && z.lat !== null));
  });

  test('counts 7,299 ZCTAs in several districts and 109 in several states, as the crosswalk has them', () => {
    const entries = Object.values(data.zctas);
    assert.equal(entries.filter((z) => (z.crosswalk ?? z.districts).length > 1).length, 7299);
    assert.equal(data.status.counts.zctasMultiDistrict, 7299);
    assert.equal(data.status.counts.zctasCrossState, 109);
    assert.deepEqual(data.zctas['90210']?.districts, [
      'ocd-division/country:us/state:ca/cd:30',
      'ocd-division/country:us/state:ca/cd:32',
      'ocd-division/country:us/state:ca/cd:36',
    ]);
  });

  test('adds the district a ZCTA’s internal point lies well inside when the crosswalk misses it', () => {
    const sd = 'ocd-division/country:us/state:sd';
    const nd = 'ocd-division/country:us/state:nd';
    // McLaughlin, SD, and its neighbours: listed only under North Dakota's at-large seat.
    for (const zcta of ['57255', '57430', '57638', '57641', '57642', '57645', '57648', '57660']) {
      assert.deepEqual(data.zctas[zcta]?.crosswalk, [nd], zcta);
      assert.deepEqual(data.zctas[zcta]?.districts, [nd, sd], zcta);
    }
    // Colorado ZCTAs listed only under NM-3 and UT-3.
    for (const zcta of ['81120', '81137', '81324']) {
      assert.ok(data.zctas[zcta]?.districts.includes('ocd-division/country:us/state:co/cd:3'), zcta);
    }
    // Near a boundary (Harlem, 1.4 km inside NY-14's coarse polygon) is not evidence.
    assert.equal(data.zctas['10035']?.crosswalk, undefined);
    const corrected = Object.entries(data.zctas).filter(([, z]) => z.crosswalk);
    assert.equal(data.status.counts.zctasCorrected, corrected.length);
    assert.ok(corrected.length >= 15 && corrected.length <= 25, `${corrected.length} corrected`);
    assert.ok(data.status.warnings.some((w) => /57642: SD-AL/.test(w)));
  });

  test('names the President and Vice President whose terms cover today, with the White House line', () => {
    const president = official(seat('president').officialId);
    assert.equal(president.name, 'Donald J. Trump');
    assert.equal(president.offices[0]?.phone, config.whiteHouse.phone);
    assert.equal(president.contactForm, config.whiteHouse.contactUrl);
    assert.match(president.mailingAddress ?? '', /1600 Pennsylvania Avenue NW, Washington, DC 20500/);
    assert.equal(official(seat('vice-president').officialId).name, 'J.D. Vance');
  });

  test('flags members whose recorded term has ended as possibly out of date', () => {
    const flagged = data.status.warnings.filter((w) => w.includes('may be out of date') && w.startsWith('Senator'));
    assert.equal(flagged.length, 2);
    assert.ok(flagged.some((w) => w.includes('Husted')));
    assert.equal(data.status.counts.membersTermEnded, 2);
  });

  test('a governor whose recorded term ended before the data was published is not shown as governor', () => {
    // Open States (2026-08-05) still lists them; each term ended at a regular end of term, 7 to 20 months earlier.
    const unknown = data.seats.filter((s) => s.id.startsWith('governor:') && s.holderUnknown).map((s) => s.state);
    assert.deepEqual(unknown.sort(), ['DC', 'DE', 'IN', 'MO', 'MT', 'NC', 'ND', 'NH', 'NJ', 'PR', 'UT', 'VA', 'VT']);
    const nc = seat('governor:nc');
    assert.equal(nc.officialId, null);
    assert.equal(nc.holderUnknown?.reason, 'term_ended_before_data');
    assert.equal(nc.holderUnknown?.website, 'https://governor.nc.gov/', "the office's own site");
    assert.match(
      nc.holderUnknown?.note ?? '',
      /Roy Cooper\) ended 2025-01-01, before the data was published \(2026-08-05\)/,
    );
    assert.ok(!data.officials.some((o) => o.id === 'ocd-person/afc05c54-5d87-475e-805d-78ce3f115468'), 'Roy Cooper');
    for (const state of unknown) {
      const id = `governor:${state!.toLowerCase()}`;
      assert.ok(!data.officials.some((o) => o.seatId === id), `nobody is shown holding ${id}`);
    }
    assert.equal(data.status.counts.vacancies, 4, 'none of them counts as a vacancy');
  });

  test('keeps Newsom, whose recorded end 2026-01-01 is not the end of a California term, flagged by date', () => {
    const newsom = official(seat('governor:ca').officialId);
    assert.equal(newsom.name, 'Gavin Newsom');
    assert.equal(newsom.termEnd, '2026-01-01');
    assert.equal(seat('governor:ca').holderUnknown, undefined);
  });

  test('every governor’s recorded end date in the data fits the state’s term calendar, but Newsom’s', () => {
    const governors = data.officials.filter((o) => o.role === 'governor' || o.role === 'mayor');
    assert.ok(governors.length >= 38);
    const misfits = governors.filter((o) => o.termEnd && isGovernorTermEnd(o.state!, o.termEnd) !== true);
    assert.deepEqual(
      misfits.map((o) => o.name),
      ['Gavin Newsom'],
    );
  });

  test('applies the same rule to other state executives and to legislators', () => {
    assert.equal(seat('state-exec:nc:chief_election_officer').holderUnknown?.phone, '919-814-0700');
    const schomacker = seat('sldl:mn:21a');
    assert.equal(schomacker.officialId, null);
    assert.equal(schomacker.holderUnknown?.website, null, "a legislator's site is their own, not the seat's");
    assert.ok(seat('state-exec:ca:attorney_general').officialId, 'a current term is untouched');
  });

  test('includes governors, state executives and state legislators with their divisions', () => {
    const governor = official(seat('governor:ca').officialId);
    assert.equal(governor.chamber, 'state_executive');
    assert.equal(seat('governor:dc').role, 'mayor', "the District's governor is its mayor");
    assert.equal(seat('governor:dc').label, 'Mayor of the District of Columbia');
    assert.ok(data.seats.some((s) => s.id === 'state-exec:ca:attorney_general' && s.officialId));
    const wahab = official('ocd-person/295965df-6c71-4e11-806f-2b7d5be5d45c');
    assert.equal(wahab.divisionId, 'ocd-division/country:us/state:ca/sldu:10');
    assert.equal(wahab.chamber, 'state_upper');
    const ne = data.officials.filter((o) => o.state === 'NE' && o.chamber === 'state_legislature');
    assert.equal(ne.length, 49);
    assert.ok(ne.every((o) => /^ocd-division\/country:us\/state:ne\/sldu:\d+$/.test(o.divisionId)));
    const nh = data.seats.filter((s) => s.id.startsWith('sldl:nh:hillsborough_12'));
    assert.equal(nh.length, 8, 'a multi-member district has one seat per member');
    assert.ok(data.status.counts.stateLegislators! > 7400);
  });

  test('leaves out an office whose address is in another state: no Puerto Rico phone for Wyoming', () => {
    const gordon = official(seat('governor:wy').officialId);
    assert.ok(
      gordon.offices.every((o) => o.state !== 'PR' && o.timeZone !== 'America/Puerto_Rico'),
      gordon.name,
    );
    assert.ok(!gordon.offices.some((o) => o.phone?.startsWith('787')));
    assert.ok(data.status.warnings.some((w) => /wy\/executive\.yml:\d+: .*address is in PR, not WY/.test(w)));
  });

  test('says how old the data is and where it came from', () => {
    assert.equal(data.status.vintage, '2026-06-15');
    const congress = data.status.sources.find((s) => s.name === 'congress-legislators');
    assert.equal(congress?.commit, 'dfa9622263dd4c8d08636926e498f1845704d7eb');
    assert.equal(congress?.license, 'CC0-1.0');
  });
});

describe('loading again', () => {
  test('reads the same directory back from the snapshot', async () => {
    const lines: string[] = [];
    const again = await loadDirectoryData(config, {
      clock: fixedClock(TODAY),
      logger: createLogger('info', (l) => lines.push(l)),
    });
    assert.match(lines.join('\n'), /"fromSnapshot":true/);
    assert.match(logLines.join('\n'), /"fromSnapshot":false/);
    assert.deepEqual(again, data);
  });

  test('what the data says is over does not depend on today: the same seats a month after the data', async () => {
    const earlier = await loadDirectoryData(config, {
      clock: fixedClock('2026-09-05T12:00:00Z'),
      logger: createLogger('silent'),
    });
    const unknownIn = (d: DirectoryData) => d.seats.filter((s) => s.holderUnknown).map((s) => s.id);
    assert.deepEqual(unknownIn(earlier), unknownIn(data));
  });

  test('in 2030 finds no current President and keeps the last one, flagged', async () => {
    const later = await loadDirectoryData(config, {
      clock: fixedClock('2030-03-01T12:00:00Z'),
      logger: createLogger('silent'),
    });
    const president = later.officials.find((o) => o.seatId === 'president');
    assert.equal(president?.termEnd, '2029-01-20');
    assert.ok(
      later.status.warnings.some((w) =>
        /no current President term; showing Donald J. Trump, whose term ended 2029-01-20/.test(w),
      ),
    );
    // Every member's term has ended by then except senators elected in 2024 and 2026.
    assert.ok(later.status.counts.membersTermEnded! > 400);
  });
});
