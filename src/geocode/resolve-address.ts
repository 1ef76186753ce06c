import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { OcdId, StateCode } from '../domain.ts';
import { HttpError } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupQuery, LookupResult } from '../officials/types.ts';
import { cleanAddress, zipFromAddress } from './address.ts';
import { districtKey, LegislativeIndex, type LegislativeMatch, type LegislativeSeat } from './district-names.ts';
import { houseDivision } from './divisions.ts';
import { createGeocoder, type Geocoder } from './guarded-geocoder.ts';
import { type AddressStatus, addressMessage, NO_STATE_LEGISLATORS } from './messages.ts';
import type { GeocodeMatch, ProviderName } from './types.ts';

/**
 * From a street address to officials. The geocoder's answer fixes the House district and, when
 * the provider gives them, the state legislative districts, which are matched to Open States
 * districts by name. A coordinates-only answer goes through the directory's point-in-polygon
 * lookup. When the geocoder is down or finds nothing, the ZIP in the address (if any) gives the
 * candidates to choose from: the campaign keeps working. Several matches ask the supporter to choose.
 */

export interface AddressChoice {
  address: string;
  /** "CA-7", "AK-AL"; null when the provider did not say. */
  district: string | null;
}

export type StateLegislatorStatus = 'matched' | 'unmatched' | 'not_provided' | 'none';

/**
 * A resolved address as a page carries it from step to step, without the address: the House
 * district (`CA-36`, `DC-0`) and the matched state legislative district names as Open States
 * publishes them (`24`, `Third Middlesex`, `Ward 2`).
 */
export interface ResolvedPlace {
  district: string;
  upper: string | null;
  lower: string | null;
}

export interface AddressLookupResult {
  status: AddressStatus;
  provider: ProviderName | null;
  /** The address as the provider understood it; shown so the supporter can check it. */
  matchedAddress: string | null;
  /** The address's officials when matched; otherwise the ZIP's answer, when the address has a ZIP. */
  result: LookupResult | null;
  /** Where `result` came from when the address was not resolved: its ZIP, or the one state all matches share. */
  fallback: 'zip' | 'state' | null;
  zip: string | null;
  choices: AddressChoice[];
  stateLegislators: StateLegislatorStatus;
  /** English advice; pages translate by `status` with `addressMessage`. */
  message: string | null;
  /** Set when matched to one House district: what a page puts in its links instead of the address. */
  place: ResolvedPlace | null;
}

export interface AddressResolver {
  readonly provider: ProviderName;
  lookup(address: string): Promise<AddressLookupResult>;
  /** Adds the state legislators of districts named as in `ResolvedPlace` (for pages' later steps). */
  withLegislators(result: LookupResult, names: { upper: string | null; lower: string | null }): LookupResult;
}

const MAX_CHOICES = 10;

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

/** A directory answer, or null when the directory refuses the input (an unknown ZIP format, a point at sea). */
function attempt(lookup: () => LookupResult): LookupResult | null {
  try {
    return lookup();
  } catch (err) {
    if (err instanceof HttpError && err.status < 500) return null;
    throw err;
  }
}

/**
 * Not resolved to one place: the ZIP typed in the address gives the candidates to choose from;
 * failing that, when every match lies in one state, that state's officials (senators, governor).
 */
function unresolved(
  directory: Directory,
  status: Exclude<AddressStatus, 'matched'>,
  address: string | null,
  provider: ProviderName | null,
  choices: AddressChoice[] = [],
  state: StateCode | null = null,
): AddressLookupResult {
  const zip = address ? zipFromAddress(address) : null;
  // A ZIP that is not a ZCTA (a PO box, the White House's 20500) has no candidates to offer.
  const zipAnswer = zip ? attempt(() => directory.lookupZip(zip)) : null;
  const byZip = zipAnswer && zipAnswer.confidence !== 'unknown_zip' ? zipAnswer : null;
  const byState = !byZip && state ? attempt(() => directory.lookupState(state)) : null;
  const message = addressMessage('en', { status, zip, fallback: byZip !== null });
  const fallback = byZip ?? byState;
  return {
    status,
    provider,
    matchedAddress: null,
    result: fallback ? { ...fallback, message } : null,
    fallback: byZip ? 'zip' : byState ? 'state' : null,
    zip,
    choices,
    stateLegislators: 'none',
    message,
    place: null,
  };
}

/** Adds the matched state legislators that the division lookup does not reach (DC wards, at-large seats). */
function withSeats(directory: Directory, result: LookupResult, seatIds: string[], divisionIds: OcdId[]): LookupResult {
  const present = new Set(result.representations.map((r) => r.seat.id));
  const extra = seatIds
    .filter((id) => !present.has(id))
    .map((id) => directory.findRepresentation(id))
    .filter((r): r is NonNullable<typeof r> => r !== null);
  const divisions = [...result.divisions, ...divisionIds.filter((d) => !result.divisions.includes(d))];
  return { ...result, divisions, representations: [...result.representations, ...extra] };
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
      result = attempt(() => directory.lookupDivisions([house, ...legislative], query));
    } else {
      // No district from the provider: Voz's own point-in-polygon, which flags points near a border.
      const point = attempt(() => directory.lookupPoint(m.lat, m.lon));
      if (!point) return null;
      if (point.confidence !== 'exact') return { result: point, stateLegislators: 'none', place: null };
      result = attempt(() => directory.lookupDivisions([...point.divisions, ...legislative], query));
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
