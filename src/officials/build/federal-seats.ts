import type { StateCode } from '../../domain.ts';
import { houseDivision, stateDivision } from '../divisions.ts';
import { nameInSentence, STATES } from '../states.ts';
import type { Seat } from '../types.ts';
import { houseRole, houseSeatId, senateSeatId } from './members.ts';
import { ordinal } from './names.ts';

/**
 * Every seat in Congress, whether or not anyone holds it: 100 Senate seats (two classes per state)
 * and 441 House seats (435 apportioned + 6 non-voting), from the static tables in states.ts.
 */
export function congressSeats(): Seat[] {
  const seats: Seat[] = [];
  for (const [code, facts] of Object.entries(STATES) as [StateCode, (typeof STATES)[StateCode]][]) {
    for (const cls of facts.senateClasses ?? []) {
      seats.push({
        id: senateSeatId(code, cls),
        chamber: 'senate',
        role: 'senator',
        state: code,
        district: null,
        divisionId: stateDivision(code),
        label: `U.S. Senate seat for ${facts.name}, class ${cls}`,
        officialId: null,
      });
    }
    const districts = facts.house === 1 ? [0] : Array.from({ length: facts.house }, (_, i) => i + 1);
    for (const d of districts) {
      seats.push({
        id: houseSeatId(code, d),
        chamber: 'house',
        role: houseRole(code).role,
        state: code,
        district: String(d),
        divisionId: houseDivision(code, d),
        label: houseLabel(code, d),
        officialId: null,
      });
    }
  }
  return seats;
}

function houseLabel(state: StateCode, district: number): string {
  const facts = STATES[state];
  if (state === 'PR') return 'Resident Commissioner for Puerto Rico';
  if (facts.kind !== 'state') return `Delegate for ${nameInSentence(state)}`;
  if (district === 0) return `${facts.name}'s at-large congressional district`;
  return `${facts.name}'s ${ordinal(district)} congressional district`;
}
