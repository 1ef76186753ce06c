import type { Confidence, StateCode } from '../domain.ts';
import type { Candidate, LookupQuery, LookupResult, Representation } from '../officials/types.ts';
import { COUNTRY_DIVISION, parseOcdId } from './ocd.ts';
import type { Epoch } from './representations.ts';
import { stateName } from './state-names.ts';

/**
 * Builds answers from an epoch's building blocks. Answers are frozen because they are shared:
 * the directory memoises them and the API caches their serialised bytes.
 */

/** `ocd-division/country:us/state:ca`, `…/district:dc` or `…/territory:pr`, as the OCD registry names them. */
export function stateDivisionId(state: StateCode): string {
  const type = state === 'DC' ? 'district' : ['PR', 'GU', 'VI', 'AS', 'MP'].includes(state) ? 'territory' : 'state';
  return `${COUNTRY_DIVISION}/${type}:${state.toLowerCase()}`;
}

export function stateOfDivision(divisionId: string): StateCode | null {
  return parseOcdId(divisionId)?.state ?? null;
}

/** "CA-12", or "AK-AL" for an at-large or delegate seat. */
export function districtCode(state: StateCode, district: string | null): string {
  return `${state}-${district === '0' || district === null ? 'AL' : district}`;
}

export function freezeResult(result: LookupResult): LookupResult {
  Object.freeze(result.query);
  Object.freeze(result.divisions);
  Object.freeze(result.candidates);
  Object.freeze(result.representations);
  return Object.freeze(result);
}

/** Senators and statewide executives of one state: what every answer that pins down the state includes. */
export function stateWide(epoch: Epoch, state: StateCode): { senators: Representation[]; executive: Representation[] } {
  return { senators: epoch.senators.get(state) ?? [], executive: epoch.stateExecutive.get(state) ?? [] };
}

/** President, VP, senators, the House seat (if known), then state executives and legislators. */
export function assembleRepresentations(
  epoch: Epoch,
  state: StateCode | null,
  house: Representation | null,
  legislators: Representation[] = [],
): Representation[] {
  if (!state) return [...epoch.national];
  const { senators, executive } = stateWide(epoch, state);
  const list = [...epoch.national, ...senators];
  if (house) list.push(house);
  list.push(...executive, ...legislators);
  return list;
}

export function candidateFor(epoch: Epoch, divisionId: string): Candidate {
  const representative = epoch.house.get(divisionId) ?? null;
  const state = representative?.seat.state ?? stateOfDivision(divisionId)!;
  const district = representative?.seat.district ?? parseOcdId(divisionId)?.name ?? '0';
  return Object.freeze({
    state,
    district,
    divisionId,
    label: representative?.seat.label ?? districtCode(state, district),
    representative,
    senators: Object.freeze([...(epoch.senators.get(state) ?? [])]) as Representation[],
    governor: epoch.bySeat.get(`governor:${state.toLowerCase()}`) ?? null,
  });
}

/** By state, then by district number (House districts are numbers; legislative ones may not be). */
export function sortCandidates(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => {
    if (a.state !== b.state) return a.state < b.state ? -1 : 1;
    const byNumber = Number(a.district) - Number(b.district);
    return Number.isNaN(byNumber) ? a.district.localeCompare(b.district) : byNumber;
  });
}

export function result(
  query: LookupQuery,
  confidence: Confidence,
  message: string | null,
  state: StateCode | null,
  divisions: readonly string[],
  candidates: readonly Candidate[],
  representations: readonly Representation[],
): LookupResult {
  // The model's arrays are mutable types, but these are frozen and shared: no caller may mutate them.
  return freezeResult({
    query,
    confidence,
    message,
    state,
    divisions: divisions as string[],
    candidates: (state === null ? candidates : candidates.map(withoutStateSeats)) as Candidate[],
    representations: representations as Representation[],
  });
}

/**
 * Candidates in one state share its senators and governor, which the answer's representations
 * already hold: repeating them per candidate would triple a split ZIP's answer for nothing.
 */
function withoutStateSeats(candidate: Candidate): Candidate {
  const { state, district, divisionId, label, representative } = candidate;
  return Object.freeze({ state, district, divisionId, label, representative });
}

const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

export { NO_CANDIDATES };

/** Divisions known for certain, most general first. */
export function certainDivisions(state: StateCode | null, ...more: Array<string | null>): string[] {
  const list = [COUNTRY_DIVISION];
  if (state) list.push(stateDivisionId(state));
  for (const id of more) if (id && !list.includes(id)) list.push(id);
  return list;
}

export const messages = {
  zipSpansDistricts: (zip: string, candidates: Candidate[]) =>
    `ZIP code ${zip} is split between ${candidates.length} congressional districts (${candidates
      .map((c) => districtCode(c.state, c.district))
      .join(', ')}). Enter your street address to find your representative in the House.`,
  zipSpansStates: (zip: string, states: StateCode[]) =>
    `ZIP code ${zip} crosses state lines (${states.map((s) => stateName(s)).join(' and ')}). Choose your state or enter your street address.`,
  unknownZip: (zip: string) =>
    `ZIP code ${zip} is not a residential ZIP area in the Census data: it may be a PO box, business or military ZIP, or not exist. Enter your street address or your state instead.`,
  incompleteZip: (zip: string) =>
    `Part of the ZIP code data for ${zip} could not be read, so Voz cannot tell which districts it covers. Enter your street address or your state instead.`,
  stateOnly: (state: StateCode) =>
    `${stateName(state)} has several House districts. Enter your ZIP code or street address to find your representative.`,
  nearBoundary: (candidates: Candidate[], marginKm: number) =>
    `This location is within ${marginKm} km of a district boundary (${candidates
      .map((c) => districtCode(c.state, c.district))
      .join(
        ', ',
      )}), and the boundary map is approximate. Enter your street address to find your representative in the House.`,
  offMap: (candidates: Candidate[], zcta: string | null, km: number) => {
    const codes = candidates.map((c) => districtCode(c.state, c.district)).join(' or ');
    const distance = km < 1 ? 'less than 1 km' : `${Math.round(km)} km`;
    const where = zcta
      ? `the nearest ZIP area is ${zcta} (${distance} away), in ${codes}`
      : `it is ${distance} from ${codes}, and no other district is near`;
    return candidates.length === 1
      ? `This location is outside the approximate district map, but ${where}, so Voz shows its representative. Enter your street address to be sure.`
      : `This location is outside the approximate district map; ${where}. Enter your street address to find your representative in the House.`;
  },
  territoryByNearestZip: (state: StateCode, zcta: string) =>
    `${stateName(state)} was found from the nearest ZIP area (${zcta}); the boundary map has no shapes for it.`,
};
