import type { StateCode } from '../domain.ts';
import type { LookupQuery, LookupResult, ZctaEntry } from '../officials/types.ts';
import { messages, NO_CANDIDATES, result, sortCandidates, stateDivisionId, stateOfDivision } from './assemble.ts';
import type { Blocks } from './blocks.ts';
import { BOUNDARY_MARGIN_KM } from './point-index.ts';

/**
 * The answer for each thing a lookup can come to know: one House district, several candidates,
 * only the state, or a ZIP's crosswalk rows. Each is made of the epoch's shared blocks (blocks.ts);
 * the directory memoises what they return.
 */

/** The answer for one known House district (an at-large seat's division is the state's). */
export function answerDistrict(
  parts: Blocks,
  query: LookupQuery,
  divisionId: string,
  message: string | null = null,
): LookupResult {
  const block = parts.district(divisionId);
  return result(query, 'exact', message, block.state, block.divisions, NO_CANDIDATES, block.representations);
}

/** Several possible districts: never pick one; say what is certain and list the candidates. */
export function answerAmbiguous(
  parts: Blocks,
  query: LookupQuery,
  divisionIds: string[],
  confidence: 'zip_spans_districts' | 'zip_spans_states' | 'near_boundary',
): LookupResult {
  const candidates = sortCandidates(divisionIds.map((id) => parts.candidate(id)));
  const states = [...new Set(candidates.map((c) => c.state))];
  const state = states.length === 1 ? states[0]! : null;
  let message: string;
  if (confidence === 'near_boundary') message = messages.nearBoundary(candidates, BOUNDARY_MARGIN_KM);
  else if (state) message = messages.zipSpansDistricts(query.value, candidates);
  else message = messages.zipSpansStates(query.value, states);
  const effective = confidence === 'near_boundary' || state ? confidence : 'zip_spans_states';
  const block = state ? parts.state(state) : parts.national;
  return result(query, effective, message, state, block.divisions, candidates, block.representations);
}

export function answerState(parts: Blocks, state: StateCode): LookupResult {
  const query: LookupQuery = { kind: 'state', value: state };
  if (parts.epoch.house.has(stateDivisionId(state))) return answerDistrict(parts, query, stateDivisionId(state));
  const block = parts.state(state);
  return result(
    query,
    'state_only',
    messages.stateOnly(state),
    state,
    block.divisions,
    NO_CANDIDATES,
    block.representations,
  );
}

/** A parsed ZIP's answer from its crosswalk entry (`undefined` when the ZIP is no ZCTA). */
export function answerZip(parts: Blocks, zip: string, entry: ZctaEntry | undefined): LookupResult {
  const query: LookupQuery = { kind: 'zip', value: zip };
  const districts = entry?.districts;
  if (entry?.incomplete) {
    // Part of this ZIP's crosswalk could not be read: the rows left may name too few districts.
    return result(
      query,
      'unknown_zip',
      messages.incompleteZip(zip),
      null,
      parts.national.divisions,
      NO_CANDIDATES,
      parts.national.representations,
    );
  }
  if (!districts || districts.length === 0) {
    return result(
      query,
      'unknown_zip',
      messages.unknownZip(zip),
      null,
      parts.national.divisions,
      NO_CANDIDATES,
      parts.national.representations,
    );
  }
  if (districts.length === 1) return answerDistrict(parts, query, districts[0]!);
  const states = new Set(districts.map(stateOfDivision));
  return answerAmbiguous(parts, query, districts, states.size > 1 ? 'zip_spans_states' : 'zip_spans_districts');
}
