import type { OcdId } from '../domain.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupQuery, LookupResult } from '../officials/types.ts';
import type { ResolvedPlace, StateLegislatorStatus } from './address-result.ts';
import type { LegislativeIndex, LegislativeMatch } from './district-names.ts';
import { houseDivision } from './divisions.ts';
import { attempt, withSeats } from './fallback.ts';
import type { GeocodeMatch } from './types.ts';

/**
 * One geocoded place to the districts Voz knows. The provider's House district wins; without one,
 * Voz's own point-in-polygon decides, and a point near a district line stays ambiguous. State
 * legislative districts are matched to Open States districts by name, every one the provider
 * names. A `Resolution` holds division and seat ids only, never the address or the point, so it
 * is also what Voz remembers of an answer.
 */
export interface Resolution {
  /** The House district (or the point's divisions) and the matched legislative districts. */
  divisionIds: OcdId[];
  /** Legislative seats the division lookup does not reach (DC wards, at-large seats). */
  seatIds: string[];
  legislative: OcdId[];
  stateLegislators: StateLegislatorStatus;
  upper: string[];
  lower: string[];
}

export type Resolved =
  | { kind: 'exact'; resolution: Resolution }
  | { kind: 'near_boundary'; result: LookupResult; stateLegislators: StateLegislatorStatus };

/** At-large seats share their jurisdiction's division with a delegate seat (DC): ask for each once. */
const unique = <T>(ids: T[]): T[] => [...new Set(ids)];

const NONE: LegislativeMatch = { status: 'none' };

function legislatorStatus(
  chambers: LegislativeMatch[],
  m: Pick<GeocodeMatch, 'upper' | 'lower'>,
): StateLegislatorStatus {
  if (m.upper === null && m.lower === null) return 'not_provided';
  const found = chambers.some((c) => c.status === 'matched');
  const missed = chambers.some((c) => c.status === 'unmatched' || (c.status === 'matched' && c.unmatched.length > 0));
  if (found && missed) return 'partial';
  if (missed) return 'unmatched';
  return found ? 'matched' : 'none';
}

const districtsOf = (m: LegislativeMatch): string[] => (m.status === 'matched' ? m.districts : []);

export class PlaceResolver {
  constructor(
    private readonly directory: Directory,
    private readonly legislature: LegislativeIndex,
  ) {}

  /** Null when the place is outside every district Voz knows. */
  resolve(m: GeocodeMatch): Resolved | null {
    const { state } = m;
    const upper = state ? this.legislature.match(state, 'upper', m.upper) : NONE;
    const lower = state ? this.legislature.match(state, 'lower', m.lower) : NONE;
    const matched = [upper, lower].flatMap((x) => (x.status === 'matched' ? [x] : []));
    const legislative = unique(matched.flatMap((x) => x.divisionIds));
    const seatIds = unique(matched.flatMap((x) => x.seatIds));
    const stateLegislators = legislatorStatus([upper, lower], m);
    let house: OcdId[];
    if (state && m.congressionalDistrict) {
      house = [houseDivision(state, m.congressionalDistrict)];
    } else {
      // No district from the provider: Voz's own point-in-polygon, which flags points near a border.
      const point = attempt(() => this.directory.lookupPoint(m.lat, m.lon));
      if (!point) return null;
      if (point.confidence !== 'exact') {
        return {
          kind: 'near_boundary',
          result: withSeats(this.directory, point, seatIds, legislative),
          stateLegislators,
        };
      }
      house = point.divisions;
    }
    const resolution: Resolution = {
      divisionIds: unique([...house, ...legislative]),
      seatIds,
      legislative,
      stateLegislators,
      upper: districtsOf(upper),
      lower: districtsOf(lower),
    };
    return { kind: 'exact', resolution };
  }

  /** The officials of a resolution, and the place pages carry; null if the directory no longer knows it. */
  render(r: Resolution, query: LookupQuery): { result: LookupResult; place: ResolvedPlace | null } | null {
    const found = attempt(() => this.directory.lookupDivisions(r.divisionIds, query));
    if (!found) return null;
    const result = withSeats(this.directory, found, r.seatIds, r.legislative);
    const houseSeat = result.representations.find((rep) => rep.seat.chamber === 'house')?.seat;
    const place =
      houseSeat?.state && houseSeat.district !== null
        ? { district: `${houseSeat.state}-${houseSeat.district}`, upper: r.upper, lower: r.lower }
        : null;
    return { result, place };
  }
}

/** Two resolutions that reach the same seats are one answer, whatever the provider's spelling. */
export const resolutionKey = (r: Resolution): string =>
  JSON.stringify([[...r.divisionIds].sort(), [...r.seatIds].sort()]);
