import type { StateCode } from '../domain.ts';
import { badRequest } from '../http/errors.ts';
import { echo } from './echo.ts';
import { isOcdId, type ParsedDivision, parseOcdId } from './ocd.ts';
import { parseState } from './state-names.ts';

/**
 * What a supporter or a campaign author types for a House district: `CA-12`, `ca12`, `CA 12`,
 * `CA-012`, `AK-AL`, `AK-0` or `AK-01` for an at-large seat, `DC-0` for a delegate, or an OCD
 * division id. Leading zeros never matter, since lists write districts both ways (`AK-01`).
 */
export type DistrictInput =
  | { kind: 'code'; state: StateCode; district: number }
  | { kind: 'ocd'; division: ParsedDivision };

const CODE = /^([a-z]{2})\s*[-\s]?\s*(\d{1,6}|al|at-large|at large)$/i;

const EXAMPLE = 'Use a state code and district number such as "CA-12", "AK-AL" for an at-large seat, or an OCD id.';

export function parseDistrictInput(raw: string): DistrictInput {
  const value = raw.trim();
  if (value === '') throw badRequest('invalid_district', `The district is empty. ${EXAMPLE}`);
  if (isOcdId(value)) {
    const division = parseOcdId(value);
    if (!division || division.level === 'country') {
      throw badRequest(
        'invalid_district',
        'That is not a U.S. state or congressional division id, e.g. "ocd-division/country:us/state:ca/cd:12".',
      );
    }
    return { kind: 'ocd', division };
  }
  const m = CODE.exec(value);
  if (!m) throw badRequest('invalid_district', `"${echo(value)}" is not a district. ${EXAMPLE}`);
  const state = parseState(m[1]!);
  if (!state) throw badRequest('invalid_district', `"${m[1]}" is not a U.S. state or territory code. ${EXAMPLE}`);
  const number = /^\d+$/.test(m[2]!) ? Number(m[2]) : 0;
  return { kind: 'code', state, district: number };
}
