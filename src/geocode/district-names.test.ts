import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import yaml from 'js-yaml';
import type { StateCode } from '../domain.ts';
import { testDataDir } from '../officials/testing/mirror.ts';
import { districtKey, LegislativeIndex, type LegislativeMatch, type LegislativeSeat } from './district-names.ts';

const seat = (state: StateCode, chamber: LegislativeSeat['chamber'], district: string): LegislativeSeat => ({
  id: `${chamber}:${state}:${district}`,
  state,
  chamber,
  district,
  divisionId: `ocd-division/country:us/state:${state.toLowerCase()}/${chamber === 'state_lower' ? 'sldl' : 'sldu'}:${district.toLowerCase().replace(/\W+/g, '_')}`,
});

const label = (code: string | null, ...names: string[]) => [{ code, names }];
const first = (m: LegislativeMatch) => (m.status === 'matched' ? m.districts[0] : null);

test('Census "State Senate District 12" and code "012" both match Open States "12"', () => {
  const index = new LegislativeIndex([seat('CA', 'state_upper', '12'), seat('CA', 'state_upper', '2')]);
  const byName = index.match('CA', 'upper', label(null, 'State Senate District 12'));
  const byCode = index.match('CA', 'upper', label('012'));
  assert.deepEqual(byName, {
    status: 'matched',
    divisionIds: ['ocd-division/country:us/state:ca/sldu:12'],
    seatIds: ['state_upper:CA:12'],
    districts: ['12'],
    unmatched: [],
  });
  assert.deepEqual(byCode, byName);
});

test('"Assembly District 80" matches the lower chamber, not the upper one', () => {
  const index = new LegislativeIndex([seat('CA', 'state_upper', '80'), seat('CA', 'state_lower', '80')]);
  const result = index.match('CA', 'lower', label('080', 'Assembly District 80', '80'));
  assert.equal(result.status === 'matched' && result.divisionIds[0], 'ocd-division/country:us/state:ca/sldl:80');
});

test('zero-padded letter districts: "011B" is Maryland "11B", "05A" Minnesota "5A", Alaska "00C" is "C"', () => {
  const index = new LegislativeIndex([
    seat('MD', 'state_lower', '11B'),
    seat('MD', 'state_lower', '11A'),
    seat('MN', 'state_lower', '5A'),
    seat('AK', 'state_upper', 'C'),
  ]);
  assert.equal(first(index.match('MD', 'lower', label('011B'))), '11B');
  assert.equal(first(index.match('MN', 'lower', label('05A', 'State House District 5A'))), '5A');
  assert.equal(first(index.match('AK', 'upper', label('00C', 'State Senate District C'))), 'C');
});

test('Massachusetts named districts: ordinals as words or numbers, and reordered county names', () => {
  const index = new LegislativeIndex([
    seat('MA', 'state_upper', 'First Middlesex'),
    seat('MA', 'state_upper', 'Second Middlesex'),
    seat('MA', 'state_upper', 'Berkshire, Hampden, Franklin and Hampshire'),
    seat('MA', 'state_lower', '7th Hampden'),
    seat('MA', 'state_lower', '37th Middlesex'),
  ]);
  assert.equal(first(index.match('MA', 'upper', label('D01', '1st Middlesex District'))), 'First Middlesex');
  assert.equal(
    first(index.match('MA', 'upper', label(null, 'Berkshire, Hampshire, Franklin and Hampden'))),
    'Berkshire, Hampden, Franklin and Hampshire',
  );
  assert.equal(first(index.match('MA', 'lower', label(null, 'Seventh Hampden'))), '7th Hampden');
  assert.equal(first(index.match('MA', 'lower', label(null, 'Thirty-Seventh Middlesex'))), '37th Middlesex');
  assert.equal(index.match('MA', 'upper', label(null, 'Third Middlesex')).status, 'unmatched');
});

test('Vermont and New Hampshire multi-member districts return every member seat', () => {
  const index = new LegislativeIndex([
    { ...seat('VT', 'state_upper', 'Chittenden Southeast'), divisionId: 'vt-cse', id: 'sldu:vt:cse:1' },
    { ...seat('VT', 'state_upper', 'Chittenden Southeast'), divisionId: 'vt-cse', id: 'sldu:vt:cse:2' },
    seat('VT', 'state_lower', 'Franklin-1'),
    seat('VT', 'state_lower', 'Franklin-2'),
    { ...seat('NH', 'state_lower', 'Rockingham 13'), divisionId: 'nh-r13-a' },
    { ...seat('NH', 'state_lower', 'Rockingham 13'), divisionId: 'nh-r13-b' },
    seat('NH', 'state_lower', 'Rockingham 1'),
  ]);
  assert.deepEqual(index.match('VT', 'upper', label(null, 'Chittenden-Southeast')), {
    status: 'matched',
    divisionIds: ['vt-cse'],
    seatIds: ['sldu:vt:cse:1', 'sldu:vt:cse:2'],
    districts: ['Chittenden Southeast'],
    unmatched: [],
  });
  assert.equal(first(index.match('VT', 'lower', label(null, 'Franklin 1'))), 'Franklin-1');
  const nh = index.match('NH', 'lower', label(null, 'Rockingham County District 13'));
  assert.deepEqual(nh.status === 'matched' && nh.divisionIds, ['nh-r13-a', 'nh-r13-b']);
});

test('DC wards match the Council, whose at-large members and chair represent every ward', () => {
  const index = new LegislativeIndex([
    { ...seat('DC', 'state_legislature', 'Ward 2'), divisionId: 'dc-ward-2' },
    { ...seat('DC', 'state_legislature', 'Ward 8'), divisionId: 'dc-ward-8' },
    { ...seat('DC', 'state_legislature', 'At-Large'), divisionId: 'dc' },
    { ...seat('DC', 'state_legislature', 'Chairman'), divisionId: 'dc' },
  ]);
  const ward = index.match('DC', 'upper', label('002', 'Ward 2'));
  assert.deepEqual(ward.status === 'matched' && ward.divisionIds, ['dc-ward-2', 'dc']);
  assert.deepEqual(ward.status === 'matched' && ward.seatIds, [
    'state_legislature:DC:Ward 2',
    'state_legislature:DC:At-Large',
    'state_legislature:DC:Chairman',
  ]);
  assert.equal(index.hasChamber('DC', 'lower'), true, 'the unicameral Council answers for either chamber');
});

test('Puerto Rico: district senators plus the at-large senators', () => {
  const index = new LegislativeIndex([
    { ...seat('PR', 'state_upper', '3'), divisionId: 'pr-3' },
    { ...seat('PR', 'state_upper', 'At-Large'), divisionId: 'pr' },
    { ...seat('PR', 'state_lower', 'At-Large'), divisionId: 'pr' },
  ]);
  const pr = index.match('PR', 'upper', label('003', 'Senatorial District 3'));
  assert.equal(first(pr), '3');
  assert.deepEqual(pr.status === 'matched' && pr.divisionIds, ['pr-3', 'pr']);
});

test('Idaho: the provider\'s district "19" is both House seats, 19A and 19B; "19A" is seat A only', () => {
  const index = new LegislativeIndex([
    seat('ID', 'state_lower', '19A'),
    seat('ID', 'state_lower', '19B'),
    seat('ID', 'state_lower', '1A'),
    seat('ID', 'state_lower', '1B'),
    seat('ID', 'state_upper', '19'),
  ]);
  const house = index.match('ID', 'lower', label('019', 'State House District 19', '19'));
  assert.deepEqual(house.status === 'matched' && house.seatIds, ['state_lower:ID:19A', 'state_lower:ID:19B']);
  assert.deepEqual(house.status === 'matched' && house.districts, ['19A', '19B']);
  const seatA = index.match('ID', 'lower', label(null, '19A'));
  assert.deepEqual(seatA.status === 'matched' && seatA.seatIds, ['state_lower:ID:19A']);
  const senate = index.match('ID', 'upper', label('019', 'State Senate District 19'));
  assert.deepEqual(senate.status === 'matched' && senate.seatIds, ['state_upper:ID:19']);
  assert.equal(index.match('ID', 'lower', label('020', 'State House District 20')).status, 'unmatched');
});

test('elsewhere a letter is a territory of its own: a bare number never reaches 26A/26B, 1A/1B or 5A', () => {
  const index = new LegislativeIndex([
    seat('SD', 'state_lower', '26A'),
    seat('SD', 'state_lower', '26B'),
    seat('MD', 'state_lower', '1A'),
    seat('MD', 'state_lower', '1B'),
    seat('MN', 'state_lower', '5A'),
    seat('ND', 'state_lower', '4A'),
  ]);
  assert.deepEqual(index.match('SD', 'lower', label('026', 'State House District 26')), {
    status: 'unmatched',
    names: ['State House District 26'],
  });
  assert.equal(index.match('MD', 'lower', label('001')).status, 'unmatched');
  assert.equal(index.match('MN', 'lower', label('005')).status, 'unmatched');
  assert.equal(index.match('ND', 'lower', label('004')).status, 'unmatched');
  assert.equal(first(index.match('SD', 'lower', label('26A'))), '26A');
});

test('every district the provider names is matched: a floterial district and the base district under it', () => {
  const index = new LegislativeIndex([
    { ...seat('NH', 'state_lower', 'Rockingham 13'), id: 'sldl:nh:r13:1', divisionId: 'nh-r13' },
    { ...seat('NH', 'state_lower', 'Rockingham 13'), id: 'sldl:nh:r13:2', divisionId: 'nh-r13' },
    { ...seat('NH', 'state_lower', 'Rockingham 37'), id: 'sldl:nh:r37', divisionId: 'nh-r37' },
    { ...seat('NH', 'state_lower', 'Rockingham 1'), id: 'sldl:nh:r1', divisionId: 'nh-r1' },
  ]);
  const both = index.match('NH', 'lower', [
    { code: '613', names: ['Rockingham County District 13'] },
    { code: '637', names: ['Rockingham County District 37'] },
  ]);
  assert.deepEqual(both, {
    status: 'matched',
    divisionIds: ['nh-r13', 'nh-r37'],
    seatIds: ['sldl:nh:r13:1', 'sldl:nh:r13:2', 'sldl:nh:r37'],
    districts: ['Rockingham 13', 'Rockingham 37'],
    unmatched: [],
  });
  const partly = index.match('NH', 'lower', [
    { code: null, names: ['Rockingham 13'] },
    { code: null, names: ['Rockingham 99'] },
  ]);
  assert.deepEqual(partly.status === 'matched' && partly.districts, ['Rockingham 13']);
  assert.deepEqual(partly.status === 'matched' && partly.unmatched, ['Rockingham 99']);
});

test('no labels is "none"; a district Voz does not know is "unmatched", never a guess', () => {
  const index = new LegislativeIndex([seat('CA', 'state_upper', '12')]);
  assert.deepEqual(index.match('CA', 'upper', null), { status: 'none' });
  assert.deepEqual(index.match('CA', 'upper', []), { status: 'none' });
  assert.deepEqual(index.match('CA', 'upper', label('013', 'State Senate District 13')), {
    status: 'unmatched',
    names: ['State Senate District 13'],
  });
  assert.equal(index.match('TX', 'upper', label('012', 'State Senate District 12')).status, 'unmatched');
});

test('keys: boilerplate dropped, ordinals numbered, padding removed', () => {
  assert.equal(districtKey('State Senate District 012'), '12');
  assert.equal(districtKey('First Suffolk and Middlesex'), '1 suffolk and middlesex');
  assert.equal(districtKey('1st Suffolk & Middlesex District'), '1 suffolk and middlesex');
  assert.equal(districtKey('Twenty-first Middlesex'), '21 middlesex');
  assert.equal(districtKey('At-Large'), 'at large');
});

/**
 * Against the mirrored Open States data: normalising must never merge two districts that the
 * data names differently (which would hand a supporter someone else's legislator).
 */
test('no two Open States districts of one chamber share a key', () => {
  const openStates = path.join(testDataDir(), 'openstates-people');
  let checked = 0;
  for (const state of readdirSync(openStates)) {
    const file = path.join(openStates, state, 'legislature.yml');
    if (!existsSync(file)) continue;
    const byChamber = new Map<string, Map<string, string>>();
    for (const doc of yaml.loadAll(readFileSync(file, 'utf8'))) {
      const roles = (doc as { roles?: Array<{ type?: string; district?: unknown; end_date?: unknown }> } | null)?.roles;
      for (const role of roles ?? []) {
        if (role.end_date || typeof role.type !== 'string' || role.district === undefined) continue;
        const name = String(role.district);
        const keys = byChamber.get(role.type) ?? new Map<string, string>();
        const key = districtKey(name);
        const other = keys.get(key);
        assert.ok(
          other === undefined || other === name,
          `${state} ${role.type}: "${name}" and "${other}" share key "${key}"`,
        );
        keys.set(key, name);
        byChamber.set(role.type, keys);
        checked++;
      }
    }
  }
  assert.ok(checked > 7000, `checked ${checked} current roles`);
});
