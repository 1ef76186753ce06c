import type { StateCode } from '../domain.ts';

/**
 * When governors' regular terms end. Each state elects its governor in November on a fixed cycle,
 * four years (two in New Hampshire and Vermont: N.H. Const. pt. 2 art. 42, Vt. Const. ch. II §43),
 * and the new term begins between early December (Alaska, Hawaii, Kentucky, North Dakota) and late
 * January of the next year (e.g. Cal. Const. art. V §2: "the Monday after January 1 following the
 * election"; N.J. Const. art. V §1 ¶5: the third Tuesday in January). So a regular term can only
 * end from November of an election year to January of the next; the year here is one election of
 * each cycle (the District's mayor: D.C. Code §1-204.21). The territories other than Puerto Rico
 * have no Open States data and so no entry.
 */
const ELECTIONS: Partial<Record<StateCode, { year: number; every: 2 | 4 }>> = {};
const cycle = (year: number, every: 2 | 4, states: string) => {
  for (const state of states.split(' ')) ELECTIONS[state as StateCode] = { year, every };
};
cycle(
  2022,
  4,
  'AL AK AZ AR CA CO CT FL GA HI ID IL IA KS ME MD MA MI MN NE NV NM NY OH OK OR PA RI SC SD TN TX WI WY DC',
);
cycle(2024, 4, 'DE IN MO MT NC ND UT WA WV PR');
cycle(2024, 2, 'NH VT');
cycle(2023, 4, 'KY LA MS');
cycle(2025, 4, 'NJ VA');

const isElectionYear = (state: StateCode, year: number): boolean => {
  const election = ELECTIONS[state];
  return election !== undefined && (((year - election.year) % election.every) + election.every) % election.every === 0;
};

/**
 * Whether `day` (YYYY-MM-DD) can be the end of a regular term of the state's governor. Null when
 * the state's calendar is not known here.
 */
export function isGovernorTermEnd(state: StateCode, day: string): boolean | null {
  if (!ELECTIONS[state]) return null;
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12)) return null;
  return month >= 11 ? isElectionYear(state, year) : month === 1 ? isElectionYear(state, year - 1) : false;
}

/**
 * Whether an executive's recorded term end is one Open States entered ahead (it requires an end
 * date for executive roles), not the end of a regular term: the term has not necessarily ended,
 * the record is just not to be trusted on it. Only governors' calendars are known here.
 */
export function hasPlaceholderTermEnd(official: {
  role: string;
  state: StateCode | null;
  termEnd: string | null;
}): boolean {
  if (!official.state || !official.termEnd || (official.role !== 'governor' && official.role !== 'mayor')) return false;
  return isGovernorTermEnd(official.state, official.termEnd) === false;
}
