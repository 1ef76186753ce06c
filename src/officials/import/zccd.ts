import type { StateCode } from '../../domain.ts';
import { STATES } from '../states.ts';
import type { Problems, SkippedRecord } from './problems.ts';
import { readText } from './read.ts';

/**
 * zip-district/zccd.csv (https://github.com/OpenSourceActivismTech/us-zipcodes-congress, U.S.
 * Government work): `state_fips,state_abbr,zcta,cd`, one row per (ZCTA, district) pair; cd 0 is an
 * at-large or delegate seat (the Census code 98 was recoded to 0 upstream).
 */
export const ZCCD_FILE = 'zip-district/zccd.csv';
const HEADER = 'state_fips,state_abbr,zcta,cd';

export interface ZccdPair {
  zcta: string;
  state: StateCode;
  district: number;
}

export async function readZccd(dataDir: string, problems: Problems): Promise<ZccdPair[] | null> {
  const text = await readText(dataDir, ZCCD_FILE, problems);
  if (text === null) return null;
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '').trim() !== HEADER) {
    problems.add(ZCCD_FILE, 1, `expected the header "${HEADER}"`, 'fatal');
    return null;
  }
  const pairs: ZccdPair[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const row = lines[i]!.replace(/\r$/, '');
    if (row === '') continue;
    const line = i + 1;
    const fields = row.split(',');
    // A bad row of a ZCTA leaves that ZCTA's list of districts incomplete, whatever else it says.
    const zctaField = fields[2]?.trim() ?? '';
    const skipped: SkippedRecord | undefined = /^\d{5}$/.test(zctaField)
      ? { kind: 'zcta', zcta: zctaField }
      : undefined;
    const bad = (message: string) => problems.add(ZCCD_FILE, line, message, 'error', skipped);
    if (fields.length !== 4) {
      bad(`expected 4 fields, found ${fields.length}`);
      continue;
    }
    const [fips, abbr, zcta, cd] = fields as [string, string, string, string];
    const facts = (STATES as Record<string, (typeof STATES)[StateCode] | undefined>)[abbr];
    if (!facts) {
      bad(`unknown state "${abbr}"`);
      continue;
    }
    if (facts.fips !== fips) {
      bad(`state FIPS "${fips}" does not match ${abbr} (${facts.fips})`);
      continue;
    }
    if (!/^\d{5}$/.test(zcta)) {
      bad(`ZCTA "${zcta}" is not five digits`);
      continue;
    }
    if (!/^\d{1,2}$/.test(cd)) {
      bad(`district "${cd}" is not a number`);
      continue;
    }
    const district = Number(cd);
    const state = abbr as StateCode;
    const maxDistrict = facts.house === 1 ? 0 : facts.house;
    if (district > maxDistrict || (facts.house > 1 && district === 0)) {
      bad(`${abbr} has no district ${district} (${facts.house} seat(s))`);
      continue;
    }
    const key = `${zcta}:${state}:${district}`;
    if (seen.has(key)) continue; // a duplicate row says nothing new
    seen.add(key);
    pairs.push({ zcta, state, district });
  }
  if (pairs.length === 0) problems.add(ZCCD_FILE, null, 'no valid rows', 'fatal');
  return pairs;
}
