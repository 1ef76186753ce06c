import type { StateCode } from '../domain.ts';
import { notFound } from '../http/errors.ts';
import type { Seat } from '../officials/types.ts';
import { districtCode, stateDivisionId } from './assemble.ts';
import type { ParsedDivision } from './ocd.ts';
import type { Epoch } from './representations.ts';
import { stateName } from './state-names.ts';

const LEGISLATIVE_KIND = { sldu: 'state senate district', sldl: 'state house district', ward: 'ward' } as const;

/** House seats per state, counted once at start-up for the message naming a state's districts. */
export function countHouseDistricts(seats: readonly Seat[]): Map<StateCode, number> {
  const houseDistricts = new Map<StateCode, number>();
  for (const seat of seats) {
    if (seat.chamber === 'house' && seat.state)
      houseDistricts.set(seat.state, (houseDistricts.get(seat.state) ?? 0) + 1);
  }
  return houseDistricts;
}

/** The division id of a state's numbered House district; 404 naming the districts there are. */
export function resolveHouseDivision(
  epoch: Epoch,
  houseDistricts: Map<StateCode, number>,
  state: StateCode,
  district: number,
): string {
  const stateDivision = stateDivisionId(state);
  const count = houseDistricts.get(state) ?? 0;
  // An at-large seat is district 0 in the data; "AK-1" can only mean the same seat.
  if (epoch.house.has(stateDivision) && (district === 0 || district === 1)) return stateDivision;
  const divisionId = `${stateDivision}/cd:${district}`;
  if (epoch.house.has(divisionId)) return divisionId;
  const known = epoch.house.has(stateDivision)
    ? `${stateName(state)} has one at-large seat (${districtCode(state, '0')})`
    : `${stateName(state)} has districts 1 to ${count}`;
  throw notFound('unknown_district', `There is no district ${state}-${district}: ${known}.`);
}

/** Legislative seats exist in the data only while someone holds them, so the message says "in the data". */
export function describeUnknownLegislative(division: ParsedDivision): string {
  const kind = LEGISLATIVE_KIND[division.level as 'sldu' | 'sldl' | 'ward'];
  return `There is no ${stateName(division.state!)} ${kind} "${division.name}" in the officials data (${division.id}).`;
}
