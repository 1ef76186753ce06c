import type { Chamber, Role } from '../domain.ts';
import type { Representation } from '../officials/types.ts';

/**
 * The order answers list officials in: from the nation down to the state legislature, the way a
 * supporter reads a ballot. Within a state's executive, the governor first, then the offices in
 * the order most state constitutions list them.
 */
const CHAMBER_ORDER: Record<Chamber, number> = {
  executive: 0,
  senate: 1,
  house: 2,
  state_executive: 3,
  state_upper: 4,
  state_lower: 5,
  state_legislature: 6,
};

const ROLE_ORDER: Partial<Record<Role, number>> = {
  president: 0,
  vice_president: 1,
  governor: 0,
  mayor: 0, // DC's mayor holds the governor's seat
  lt_governor: 1,
  secretary_of_state: 2,
  attorney_general: 3,
  treasurer: 4,
  auditor: 5,
  chief_election_officer: 6,
};

const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

function compareRepresentations(a: Representation, b: Representation): number {
  const chamber = CHAMBER_ORDER[a.seat.chamber] - CHAMBER_ORDER[b.seat.chamber];
  if (chamber !== 0) return chamber;
  const role = (ROLE_ORDER[a.seat.role] ?? 50) - (ROLE_ORDER[b.seat.role] ?? 50);
  if (role !== 0) return role;
  // Senators: the senior senator first, then by class; a vacant seat after both.
  const rank = rankOf(a) - rankOf(b);
  if (rank !== 0) return rank;
  return naturalCompare(a.seat.district ?? '', b.seat.district ?? '') || naturalCompare(a.seat.id, b.seat.id);
}

const rankOf = (r: Representation): number =>
  r.official?.stateRank === 'senior' ? 0 : r.official?.stateRank === 'junior' ? 1 : 2;

export function sortRepresentations(list: Representation[]): Representation[] {
  return list.sort(compareRepresentations);
}
