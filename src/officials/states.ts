import type { StateCode } from '../domain.ts';

/**
 * Static facts about each state and territory that the data files do not carry.
 *
 * - `fips`: Census FIPS state code (ANSI INCITS 38:2009), used by zccd.csv and the boundary file.
 * - `house`: seats from the 2020 apportionment (Census "Apportionment Population and Number of
 *   Representatives by State: 2020 Census", table 1; 2 U.S.C. §2a), in force for the 118th–122nd
 *   Congresses. DC and the territories have one non-voting seat each (2 U.S.C. §25a, 48 U.S.C. §1711,
 *   §1731, §1751, §1891) and PR its Resident Commissioner (48 U.S.C. §891).
 * - `senateClasses`: the two Senate classes each state belongs to (U.S. Const. art. I §3 cl. 2;
 *   senate.gov "Senators by class").
 * - `zone`: the IANA zone of most of the state and of its capital; see time-zones.ts for split states.
 */
export interface StateFacts {
  name: string;
  fips: string;
  house: number;
  senateClasses: readonly [1 | 2 | 3, 1 | 2 | 3] | null;
  zone: string;
  kind: 'state' | 'district' | 'territory';
}

const s = (
  name: string,
  fips: string,
  house: number,
  senateClasses: readonly [1 | 2 | 3, 1 | 2 | 3],
  zone: string,
): StateFacts => ({ name, fips, house, senateClasses, zone, kind: 'state' });
const t = (name: string, fips: string, zone: string, kind: 'district' | 'territory' = 'territory'): StateFacts => ({
  name,
  fips,
  house: 1,
  senateClasses: null,
  zone,
  kind,
});

export const STATES: Readonly<Record<StateCode, StateFacts>> = {
  AL: s('Alabama', '01', 7, [2, 3], 'America/Chicago'),
  AK: s('Alaska', '02', 1, [2, 3], 'America/Anchorage'),
  AZ: s('Arizona', '04', 9, [1, 3], 'America/Phoenix'),
  AR: s('Arkansas', '05', 4, [2, 3], 'America/Chicago'),
  CA: s('California', '06', 52, [1, 3], 'America/Los_Angeles'),
  CO: s('Colorado', '08', 8, [2, 3], 'America/Denver'),
  CT: s('Connecticut', '09', 5, [1, 3], 'America/New_York'),
  DE: s('Delaware', '10', 1, [1, 2], 'America/New_York'),
  FL: s('Florida', '12', 28, [1, 3], 'America/New_York'),
  GA: s('Georgia', '13', 14, [2, 3], 'America/New_York'),
  HI: s('Hawaii', '15', 2, [1, 3], 'Pacific/Honolulu'),
  ID: s('Idaho', '16', 2, [2, 3], 'America/Boise'),
  IL: s('Illinois', '17', 17, [2, 3], 'America/Chicago'),
  IN: s('Indiana', '18', 9, [1, 3], 'America/Indiana/Indianapolis'),
  IA: s('Iowa', '19', 4, [2, 3], 'America/Chicago'),
  KS: s('Kansas', '20', 4, [2, 3], 'America/Chicago'),
  KY: s('Kentucky', '21', 6, [2, 3], 'America/New_York'),
  LA: s('Louisiana', '22', 6, [2, 3], 'America/Chicago'),
  ME: s('Maine', '23', 2, [1, 2], 'America/New_York'),
  MD: s('Maryland', '24', 8, [1, 3], 'America/New_York'),
  MA: s('Massachusetts', '25', 9, [1, 2], 'America/New_York'),
  MI: s('Michigan', '26', 13, [1, 2], 'America/Detroit'),
  MN: s('Minnesota', '27', 8, [1, 2], 'America/Chicago'),
  MS: s('Mississippi', '28', 4, [1, 2], 'America/Chicago'),
  MO: s('Missouri', '29', 8, [1, 3], 'America/Chicago'),
  MT: s('Montana', '30', 2, [1, 2], 'America/Denver'),
  NE: s('Nebraska', '31', 3, [1, 2], 'America/Chicago'),
  NV: s('Nevada', '32', 4, [1, 3], 'America/Los_Angeles'),
  NH: s('New Hampshire', '33', 2, [2, 3], 'America/New_York'),
  NJ: s('New Jersey', '34', 12, [1, 2], 'America/New_York'),
  NM: s('New Mexico', '35', 3, [1, 2], 'America/Denver'),
  NY: s('New York', '36', 26, [1, 3], 'America/New_York'),
  NC: s('North Carolina', '37', 14, [2, 3], 'America/New_York'),
  ND: s('North Dakota', '38', 1, [1, 3], 'America/Chicago'),
  OH: s('Ohio', '39', 15, [1, 3], 'America/New_York'),
  OK: s('Oklahoma', '40', 5, [2, 3], 'America/Chicago'),
  OR: s('Oregon', '41', 6, [2, 3], 'America/Los_Angeles'),
  PA: s('Pennsylvania', '42', 17, [1, 3], 'America/New_York'),
  RI: s('Rhode Island', '44', 2, [1, 2], 'America/New_York'),
  SC: s('South Carolina', '45', 7, [2, 3], 'America/New_York'),
  SD: s('South Dakota', '46', 1, [2, 3], 'America/Chicago'),
  TN: s('Tennessee', '47', 9, [1, 2], 'America/Chicago'),
  TX: s('Texas', '48', 38, [1, 2], 'America/Chicago'),
  UT: s('Utah', '49', 4, [1, 3], 'America/Denver'),
  VT: s('Vermont', '50', 1, [1, 3], 'America/New_York'),
  VA: s('Virginia', '51', 11, [1, 2], 'America/New_York'),
  WA: s('Washington', '53', 10, [1, 3], 'America/Los_Angeles'),
  WV: s('West Virginia', '54', 2, [1, 2], 'America/New_York'),
  WI: s('Wisconsin', '55', 8, [1, 3], 'America/Chicago'),
  WY: s('Wyoming', '56', 1, [1, 2], 'America/Denver'),
  DC: t('District of Columbia', '11', 'America/New_York', 'district'),
  PR: t('Puerto Rico', '72', 'America/Puerto_Rico'),
  GU: t('Guam', '66', 'Pacific/Guam'),
  VI: t('U.S. Virgin Islands', '78', 'America/St_Thomas'),
  AS: t('American Samoa', '60', 'Pacific/Pago_Pago'),
  MP: t('Northern Mariana Islands', '69', 'Pacific/Saipan'),
};

const BY_FIPS = new Map(Object.entries(STATES).map(([code, facts]) => [facts.fips, code as StateCode]));

export function stateFromFips(fips: string): StateCode | null {
  return BY_FIPS.get(fips.padStart(2, '0')) ?? null;
}

/**
 * Island-area ZIP ranges (USPS Publication 65 / National Five-Digit ZIP Code directory). zccd.csv
 * has no rows for the VI, AS, GU and MP ZCTAs because the Census block equivalency files it was built
 * from cover only the 50 states, DC and PR; each of those areas has a single delegate seat, so its
 * ZCTAs are assigned by ZIP range instead. 969xx also covers the freely associated states
 * (Palau, Micronesia, Marshall Islands), which are not listed and so stay unknown.
 */
const ISLAND_ZIP_RANGES: readonly { from: string; to: string; state: StateCode }[] = [
  { from: '00801', to: '00851', state: 'VI' },
  { from: '96799', to: '96799', state: 'AS' },
  { from: '96910', to: '96932', state: 'GU' },
  { from: '96950', to: '96952', state: 'MP' },
];

export function islandAreaForZip(zip: string): StateCode | null {
  return ISLAND_ZIP_RANGES.find((r) => zip >= r.from && zip <= r.to)?.state ?? null;
}

/** The name as it reads after "of" or "for": "the District of Columbia", "the U.S. Virgin Islands". */
export function nameInSentence(state: StateCode): string {
  return state === 'DC' || state === 'VI' || state === 'MP' ? `the ${STATES[state].name}` : STATES[state].name;
}
