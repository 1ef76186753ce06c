import type { OcdId, StateCode } from '../domain.ts';
import { STATES } from './states.ts';

/**
 * Canonical Open Civic Data division ids (https://github.com/opencivicdata/ocd-division-ids).
 * Every feature builds ids here, so the same place always has the same string.
 */
const COUNTRY = 'ocd-division/country:us';

/** `state:ca`, `district:dc` or `territory:pr`, as in the OCD registry. */
function jurisdictionPart(state: StateCode): string {
  const kind = STATES[state].kind;
  return `${kind}:${state.toLowerCase()}`;
}

export function stateDivision(state: StateCode): OcdId {
  return `${COUNTRY}/${jurisdictionPart(state)}`;
}

/**
 * A House seat's division. At-large and delegate seats (district 0) cover the whole state or
 * territory, so they use its own id, as the OCD registry does.
 */
export function houseDivision(state: StateCode, district: number): OcdId {
  return district === 0 ? stateDivision(state) : `${stateDivision(state)}/cd:${district}`;
}

/**
 * OCD id parts are lower case with `[a-z0-9._~-]`; spaces become underscores
 * (e.g. New Hampshire's "Hillsborough 12" → `hillsborough_12`).
 */
export function ocdPart(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '_')
    .replace(/[^a-z0-9._~-]/g, '');
}

export type LegislativeChamber = 'upper' | 'lower' | 'legislature';

/**
 * A state legislative district. Unicameral Nebraska uses `sldu`, as the Census does; the DC Council's
 * wards are `ward:N`, and its at-large members and chair represent all of DC.
 */
export function legislativeDivision(state: StateCode, chamber: LegislativeChamber, district: string): OcdId {
  if (state === 'DC') {
    const ward = /^ward\s+(\d+)$/i.exec(district.trim());
    return ward ? `${stateDivision('DC')}/ward:${ward[1]}` : stateDivision('DC');
  }
  if (/^at[- ]large$/i.test(district.trim())) return stateDivision(state);
  const type = chamber === 'lower' ? 'sldl' : 'sldu';
  return `${stateDivision(state)}/${type}:${ocdPart(district)}`;
}

/** Parses `…/state:ca/cd:12` (or a state division, meaning district 0) back into its parts. */
export function parseHouseDivision(id: OcdId): { state: StateCode; district: number } | null {
  const m = /^ocd-division\/country:us\/(?:state|district|territory):([a-z]{2})(?:\/cd:(\d{1,2}))?$/.exec(id);
  if (!m) return null;
  const state = m[1]!.toUpperCase() as StateCode;
  if (!(state in STATES)) return null;
  return { state, district: m[2] ? Number(m[2]) : 0 };
}
