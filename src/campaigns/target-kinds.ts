import type { TargetKind } from '../domain.ts';
import type { Seat } from '../officials/types.ts';

/**
 * Which seats a campaign's target kind covers. One definition for the cards a supporter sees and
 * for the check that a reported action names a target the campaign really has.
 */
export function isSeatOfKind(seat: Pick<Seat, 'role' | 'chamber'>, kind: TargetKind): boolean {
  switch (kind) {
    case 'president':
      return seat.role === 'president';
    case 'senators':
      return seat.chamber === 'senate';
    case 'representative':
      return seat.chamber === 'house';
    case 'governor':
      // The state's chief executive: in the District of Columbia, its Mayor (Open States' governor
      // of the District, role 'mayor' in Voz).
      return seat.role === 'governor' || seat.role === 'mayor';
    case 'state_legislators':
      return seat.chamber === 'state_upper' || seat.chamber === 'state_lower' || seat.chamber === 'state_legislature';
    case 'custom':
      return false;
  }
}
