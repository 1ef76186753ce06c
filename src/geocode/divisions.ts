import type { OcdId, StateCode } from '../domain.ts';
import { NON_STATES } from '../domain.ts';

/**
 * The OCD division of a House seat, in the canonical forms of src/domain.ts: a numbered district
 * is `…/state:ca/cd:12`; an at-large or delegate seat covers its whole state or territory, so its
 * division is that jurisdiction's own id (`…/state:ak`, `…/district:dc`, `…/territory:pr`).
 */
export function jurisdictionDivision(state: StateCode): OcdId {
  const code = state.toLowerCase();
  if (state === 'DC') return 'ocd-division/country:us/district:dc';
  if (NON_STATES.includes(state)) return `ocd-division/country:us/territory:${code}`;
  return `ocd-division/country:us/state:${code}`;
}

export function houseDivision(state: StateCode, district: string): OcdId {
  return district === '0' ? jurisdictionDivision(state) : `${jurisdictionDivision(state)}/cd:${district}`;
}
