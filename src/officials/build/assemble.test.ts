import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../../clock.ts';
import { parseConfig } from '../../config.ts';
import { type ImportedSources, readSources } from '../import/read-sources.ts';
import type { DirectoryData } from '../types.ts';
import { assembleDirectory } from './assemble.ts';

const tiny = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/tiny');
const config = parseConfig({ WHITE_HOUSE_PHONE: '202-555-0100' }, tiny);
let sources: ImportedSources;

const at = (day: string): DirectoryData =>
  assembleDirectory(sources, { config, clock: fixedClock(`${day}T12:00:00Z`), dataDir: tiny });

before(async () => {
  const result = await readSources(tiny);
  assert.ok(result.ok);
  sources = result.sources;
});

test('chooses the President whose term covers the clock’s day', () => {
  const find = (d: DirectoryData) => d.officials.find((o) => o.seatId === 'president');
  assert.equal(find(at('2024-06-01'))?.name, 'Pat Former');
  const now = find(at('2026-11-28'));
  assert.equal(now?.name, 'Quinn Current');
  assert.equal(now?.id, 'govtrack:11', 'without a bioguide id, the govtrack id names the person');
  assert.equal(now?.offices[0]?.phone, '202-555-0100', 'the White House phone comes from configuration');
});

test('before any recorded term, the presidency has no holder and says why', () => {
  const d = at('1990-01-01');
  assert.equal(d.seats.find((s) => s.id === 'president')?.officialId, null);
  assert.ok(d.status.warnings.some((w) => w.includes('no President term that has started')));
});

test('a presidency whose last recorded term ended before the data was published has no holder shown', () => {
  const later = { ...sources, meta: { ...sources.meta, congress: { commit: null, date: '2029-06-01' } } };
  const d = assembleDirectory(later, { config, clock: fixedClock('2029-07-01T12:00:00Z'), dataDir: tiny });
  const seat = d.seats.find((s) => s.id === 'president')!;
  assert.equal(seat.officialId, null);
  assert.equal(seat.holderUnknown?.reason, 'term_ended_before_data');
  assert.ok(!d.officials.some((o) => o.name === 'Quinn Current'));
  // Ended after the data was published: kept, and flagged by its date.
  const kept = assembleDirectory(sources, { config, clock: fixedClock('2029-07-01T12:00:00Z'), dataDir: tiny });
  assert.equal(kept.officials.find((o) => o.seatId === 'president')?.name, 'Quinn Current');
});

test('keeps a member whose term has ended on the seat, flagged in the warnings', () => {
  const before = at('2026-11-02');
  const after = at('2026-11-28');
  assert.ok(!before.status.warnings.some((w) => w.includes('Bo Sample')));
  assert.ok(after.status.warnings.some((w) => w.includes('Senator Bo Sample (VT): recorded term ended 2026-11-03')));
  assert.equal(after.seats.find((s) => s.id === 'senate:vt:3')?.officialId, 'X000002');
});

test('marks every seat without a member as vacant, and builds names when official_full is missing', () => {
  const d = at('2026-11-28');
  assert.equal(d.seats.find((s) => s.id === 'senate:vt:1')?.officialId, 'X000001');
  assert.equal(d.seats.find((s) => s.id === 'house:vt:0')?.officialId, null);
  assert.equal(d.officials.find((o) => o.id === 'X000002')?.name, 'Bo Sample');
  assert.equal(d.status.counts.vacancies, 541 - 3);
});

test('gives the governor’s seat to the current holder, not a predecessor still in the files', () => {
  const d = at('2026-11-28');
  const governor = d.officials.find((o) => o.seatId === 'governor:vt');
  assert.equal(governor?.name, 'Gail Governor');
  assert.equal(governor?.contactForm, 'https://governor.vermont.gov/contact');
  assert.equal(governor?.website, 'https://governor.vermont.gov/');
  assert.equal(governor?.social.twitter, 'GovGail');
  assert.equal(governor?.offices[0]?.zip, '05609');
  assert.ok(!d.officials.some((o) => o.name === 'Al Former'));
  assert.equal(d.officials.find((o) => o.seatId === 'governor:dc')?.title, 'Mayor');
});

test('gives each member of a multi-member district a seat, and uses -mail offices as the mailing address', () => {
  const d = at('2026-11-28');
  const seats = d.seats.filter((s) => s.id.startsWith('sldl:vt:chittenden-6-4')).map((s) => s.id);
  assert.deepEqual(seats.sort(), ['sldl:vt:chittenden-6-4:1', 'sldl:vt:chittenden-6-4:2']);
  const senator = d.officials.find((o) => o.name === 'Sam Senator');
  assert.equal(senator?.divisionId, 'ocd-division/country:us/state:vt/sldu:chittenden_central');
  assert.equal(senator?.mailingAddress, '115 State Street, Montpelier, VT 05633');
  assert.deepEqual(
    senator?.offices.map((o) => o.kind),
    ['district'],
  );
  assert.equal(
    d.officials.find((o) => o.name === 'Wes Ward')?.divisionId,
    'ocd-division/country:us/district:dc/ward:1',
  );
});

test('assigns island-area ZCTAs to their delegate and counts split and cross-state ZCTAs', () => {
  const d = at('2026-11-28');
  assert.deepEqual(d.zctas['00802']?.districts, ['ocd-division/country:us/territory:vi']);
  assert.deepEqual(d.zctas['96910']?.districts, ['ocd-division/country:us/territory:gu']);
  assert.equal(d.zctas['96910']?.lon, 144.7471909);
  assert.equal(d.status.counts.zctasMultiDistrict, 1);
  assert.equal(d.status.counts.zctasCrossState, 1);
});

test('maps boundary features on STATEFP and CD119FP, with 98 and 00 as district 0', () => {
  const d = at('2026-11-28');
  assert.deepEqual(
    d.districts.map((s) => [s.divisionId, s.district]),
    [
      ['ocd-division/country:us/district:dc', '0'],
      ['ocd-division/country:us/state:vt', '0'],
    ],
  );
  assert.deepEqual(d.districts[0]?.bbox, [-77.12, 38.8, -76.91, 38.99]);
});

test('a governorship nobody in the data holds is "holder unknown", never vacant', () => {
  const withoutGovernor = {
    ...sources,
    openstates: sources.openstates.filter((p) => !(p.state === 'VT' && p.kind === 'executive')),
  };
  const d = assembleDirectory(withoutGovernor, { config, clock: fixedClock('2026-11-28T12:00:00Z'), dataDir: tiny });
  const seat = d.seats.find((s) => s.id === 'governor:vt');
  assert.equal(seat?.officialId, null);
  assert.equal(seat?.holderUnknown?.reason, 'no_record');
  assert.match(seat?.holderUnknown?.note ?? '', /Governor of Vermont/);
});

test('with the executives file accepted as missing, the governorship says its record was not loaded', () => {
  const withoutExecutives = {
    ...sources,
    openstates: sources.openstates.filter((p) => !(p.state === 'VT' && p.kind === 'executive')),
    problems: [
      {
        file: 'openstates-people/vt/executive.yml',
        line: null,
        message: 'file is missing',
        severity: 'error' as const,
        skipped: { kind: 'state_person' as const, state: 'VT' as const, executive: true },
      },
    ],
  };
  const d = assembleDirectory(withoutExecutives, { config, clock: fixedClock('2026-11-28T12:00:00Z'), dataDir: tiny });
  const seat = d.seats.find((s) => s.id === 'governor:vt');
  assert.equal(seat?.officialId, null);
  assert.equal(seat?.holderUnknown?.reason, 'record_not_loaded');
});
