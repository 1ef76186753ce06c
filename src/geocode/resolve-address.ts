import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { OcdId } from '../domain.ts';
import type { Logger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupQuery, LookupResult } from '../officials/types.ts';
import { cleanAddress } from './address.ts';
import type { AddressLookupResult, AddressResolver, ResolvedPlace, StateLegislatorStatus } from './address-result.ts';
import { districtKey, LegislativeIndex, type LegislativeMatch, type LegislativeSeat } from './district-names.ts';
import { houseDivision } from './divisions.ts';
import { attempt, unresolved, withSeats } from './fallback.ts';
import { createGeocoder, type Geocoder } from './guarded-geocoder.ts';
import { NO_STATE_LEGISLATORS } from './messages.ts';
import type { GeocodeMatch } from './types.ts';

export type {
  AddressChoice,
  AddressLookupResult,
  AddressResolver,
  ResolvedPlace,
  StateLegislatorStatus,
} from './address-result.ts';

/**
 * From a street address to officials. The geocoder's answer fixes the House district and, when
 * the provider gives them, the state legislative districts, which are matched to Open States
 * districts by name. A coordinates-only answer goes through the directory's point-in-polygon
 * lookup. When the geocoder is down or finds nothing, the ZIP in the address (if any) gives the
 * candidates to choose from: the campaign keeps working. Several matches ask the supporter to choose.
 */

const MAX_CHOICES = 10;

/** At-large seats share their jurisdiction's division with a delegate seat (DC): ask for each once. */
const unique = (ids: OcdId[]): OcdId[] => [...new Set(ids)];

const districtLabel = (m: GeocodeMatch): string | null =>
  m.state && m.congressionalDistrict
    ? `${m.state}-${m.congressionalDistrict === '0' ? 'AL' : m.congressionalDistrict}`
    : null;

/** Matches that name the same districts are one answer for Voz, whatever their spelling. */
function signature(m: GeocodeMatch): string {
  const keys = (labels: GeocodeMatch['upper']) =>
    (labels ?? []).map((l) => districtKey(l.names[0] ?? l.code ?? '')).join('+');
  return [m.state, m.congressionalDistrict, keys(m.upper), keys(m.lower)].join('|');
}

function legislatorStatus(upper: LegislativeMatch, lower: LegislativeMatch, m: GeocodeMatch): StateLegislatorStatus {
  if (m.upper === null && m.lower === null) return 'not_provided';
  if (upper.status === 'unmatched' || lower.status === 'unmatched') return 'unmatched';
  if (upper.status === 'matched' || lower.status === 'matched') return 'matched';
  return 'none';
}

export function createResolver(deps: {
  geocoder: Geocoder;
  directory: Directory;
  seats: Iterable<LegislativeSeat>;
}): AddressResolver {
  const { geocoder, directory } = deps;
  const legislature = new LegislativeIndex(deps.seats);

  /** Officials for one geocoded place; null when the place is outside every district Voz knows. */
  function officialsFor(
    m: GeocodeMatch,
  ): { result: LookupResult; stateLegislators: StateLegislatorStatus; place: ResolvedPlace | null } | null {
    const query: LookupQuery = { kind: 'address', value: m.matchedAddress };
    const state = m.state;
    const upper = state ? legislature.match(state, 'upper', m.upper) : ({ status: 'none' } as const);
    const lower = state ? legislature.match(state, 'lower', m.lower) : ({ status: 'none' } as const);
    const matched = [upper, lower].flatMap((x) => (x.status === 'matched' ? [x] : []));
    const legislative: OcdId[] = matched.flatMap((x) => x.divisionIds);
    const seatIds = matched.flatMap((x) => x.seatIds);
    const stateLegislators = legislatorStatus(upper, lower, m);
    let result: LookupResult | null;
    if (state && m.congressionalDistrict) {
      const house = houseDivision(state, m.congressionalDistrict);
      result = attempt(() => directory.lookupDivisions(unique([house, ...legislative]), query));
    } else {
      // No district from the provider: Voz's own point-in-polygon, which flags points near a border.
      const point = attempt(() => directory.lookupPoint(m.lat, m.lon));
      if (!point) return null;
      if (point.confidence !== 'exact') return { result: point, stateLegislators: 'none', place: null };
      result = attempt(() => directory.lookupDivisions(unique([...point.divisions, ...legislative]), query));
    }
    if (!result) return null;
    const houseSeat = result.representations.find((r) => r.seat.chamber === 'house')?.seat;
    const place =
      houseSeat?.state && houseSeat.district !== null
        ? {
            district: `${houseSeat.state}-${houseSeat.district}`,
            upper: upper.status === 'matched' ? upper.district : null,
            lower: lower.status === 'matched' ? lower.district : null,
          }
        : null;
    return { result: withSeats(directory, result, seatIds, legislative), stateLegislators, place };
  }

  return {
    provider: geocoder.provider,
    async lookup(raw) {
      const address = cleanAddress(raw);
      const outcome = await geocoder.geocode(address);
      if (outcome.kind === 'unavailable') return unresolved(directory, 'unavailable', address, geocoder.provider);
      if (outcome.kind === 'no_match') return unresolved(directory, 'no_match', address, geocoder.provider);
      let match: GeocodeMatch;
      if (outcome.kind === 'multiple') {
        const distinct = new Set(outcome.matches.map(signature));
        if (distinct.size > 1 || outcome.matches.some((m) => !m.congressionalDistrict)) {
          const choices = outcome.matches
            .slice(0, MAX_CHOICES)
            .map((m) => ({ address: m.matchedAddress, district: districtLabel(m) }));
          const states = new Set(outcome.matches.map((m) => m.state));
          const [only] = states;
          return unresolved(
            directory,
            'multiple',
            address,
            geocoder.provider,
            choices,
            states.size === 1 ? (only ?? null) : null,
          );
        }
        match = outcome.matches[0]!;
      } else {
        match = outcome.match;
      }
      const found = officialsFor(match);
      if (!found) return unresolved(directory, 'no_match', address, geocoder.provider);
      return {
        status: 'matched',
        provider: geocoder.provider,
        matchedAddress: match.matchedAddress,
        result: found.result,
        fallback: null,
        zip: match.zip,
        choices: [],
        stateLegislators: found.stateLegislators,
        message: found.stateLegislators === 'not_provided' ? NO_STATE_LEGISLATORS.en : null,
        place: found.place,
      };
    },

    withLegislators(result, names) {
      const state = result.state;
      if (!state) return result;
      const found = (['upper', 'lower'] as const).flatMap((chamber) => {
        const name = names[chamber];
        if (!name) return [];
        const match = legislature.match(state, chamber, [{ code: null, names: [name] }]);
        return match.status === 'matched' ? [match] : [];
      });
      if (found.length === 0) return result;
      return withSeats(
        directory,
        result,
        found.flatMap((m) => m.seatIds),
        found.flatMap((m) => m.divisionIds),
      );
    },
  };
}

/** Built once at start-up from config; null when GEOCODER=none. */
export function createAddressResolver(
  config: Config,
  deps: { directory: Directory; seats: Iterable<LegislativeSeat>; clock: Clock; logger: Logger },
): AddressResolver | null {
  const geocoder = createGeocoder(config, { clock: deps.clock, logger: deps.logger });
  return geocoder ? createResolver({ geocoder, directory: deps.directory, seats: deps.seats }) : null;
}

/**
 * The one call for pages, the API and the CLI: officials for a street address, with the ZIP
 * fallback when address lookup is off or failing. Bad input throws `HttpError(400)`.
 */
export async function lookupAddress(
  address: string,
  deps: { geocoder?: AddressResolver | null; directory: Directory },
): Promise<AddressLookupResult> {
  if (deps.geocoder) return deps.geocoder.lookup(address);
  return unresolved(deps.directory, 'unavailable', cleanAddress(address), null);
}
