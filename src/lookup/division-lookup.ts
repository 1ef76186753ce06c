import type { StateCode } from '../domain.ts';
import { badRequest } from '../http/errors.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupQuery, LookupResult, Representation } from '../officials/types.ts';
import { answerState } from './answers.ts';
import { assembleRepresentations, certainDivisions, NO_CANDIDATES, result, stateDivisionId } from './assemble.ts';
import type { Blocks } from './blocks.ts';
import { COUNTRY_DIVISION, type ParsedDivision, parseOcdId } from './ocd.ts';
import type { Epoch } from './representations.ts';
import { stateName } from './state-names.ts';

/**
 * Answers for divisions named by id: a geocoded address's House and state legislative districts,
 * and the seats of one division.
 */

/** The answer for known divisions of one state, e.g. from a geocoded address. */
export function answerDivisions(parts: Blocks, divisionIds: string[], query: LookupQuery): LookupResult {
  const { epoch } = parts;
  let state: StateCode | null = null;
  let house: Representation | null = null;
  let houseDivision: string | null = null;
  const legislators: Representation[] = [];
  const legislative: string[] = [];
  for (const raw of divisionIds) {
    const division = parseOcdId(raw);
    // Geocoders also return wards, counties and school districts: Voz has no officials for them.
    if (!division?.state) continue;
    if (state && division.state !== state) {
      throw badRequest(
        'invalid_division',
        `Divisions of more than one state were given (${state}, ${division.state}).`,
      );
    }
    state = division.state;
    if (division.level === 'cd' || division.level === 'state') {
      const seat = epoch.house.get(division.id);
      if (seat) {
        house = seat;
        houseDivision = division.id;
      }
      // Legislators elected statewide (the DC Council's at-large members) share the state's division.
      if (division.level === 'state') legislators.push(...(epoch.legislature.get(division.id) ?? []));
    } else {
      legislative.push(division.id);
      legislators.push(...(epoch.legislature.get(division.id) ?? []));
    }
  }
  if (!state) throw badRequest('invalid_division', 'No U.S. state or district division was given.');
  if (!house) {
    const answer = answerState(parts, state);
    return result(
      query,
      answer.confidence,
      answer.message,
      state,
      [...answer.divisions, ...legislative],
      NO_CANDIDATES,
      assembleRepresentations(epoch, state, epoch.house.get(stateDivisionId(state)) ?? null, legislators),
    );
  }
  return result(
    query,
    'exact',
    null,
    state,
    certainDivisions(state, houseDivision, ...legislative),
    NO_CANDIDATES,
    assembleRepresentations(epoch, state, house, legislators),
  );
}

/** All seats of a parsed division, or null when the data holds none. */
export function listDivisionSeats(epoch: Epoch, division: ParsedDivision): ReturnType<Directory['findDivision']> {
  if (division.level === 'country') {
    return { divisionId: COUNTRY_DIVISION, name: 'United States', representations: [...epoch.national] };
  }
  const state = division.state!;
  if (division.level === 'state') {
    const house = epoch.house.get(division.id) ?? null;
    const senators = epoch.senators.get(state) ?? [];
    const executive = epoch.stateExecutive.get(state) ?? [];
    const representations = [...senators, ...(house ? [house] : []), ...executive];
    return { divisionId: division.id, name: stateName(state), representations };
  }
  const representations: Representation[] =
    division.level === 'cd'
      ? [epoch.house.get(division.id)].filter((r): r is Representation => r !== undefined)
      : [...(epoch.legislature.get(division.id) ?? [])];
  if (representations.length === 0) return null;
  return { divisionId: division.id, name: representations[0]!.seat.label, representations };
}
