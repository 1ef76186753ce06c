import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupQuery } from '../officials/types.ts';
import { cleanAddress } from './address.ts';
import type { AddressChoice, AddressLookupResult, AddressResolver } from './address-result.ts';
import { AnswerCache, DEFAULT_CACHE } from './cache.ts';
import { LegislativeIndex, type LegislativeSeat } from './district-names.ts';
import { unresolved, withSeats } from './fallback.ts';
import { createGeocoder, type Geocoder } from './guarded-geocoder.ts';
import { addressMessage, NO_STATE_LEGISLATORS } from './messages.ts';
import { districtLabel } from './place-query.ts';
import { PlaceResolver, type Resolution, type Resolved, resolutionKey } from './resolve-match.ts';
import type { GeocodeMatch, ProviderName } from './types.ts';

export type {
  AddressChoice,
  AddressLookupResult,
  AddressResolver,
  ResolvedPlace,
  StateLegislatorStatus,
} from './address-result.ts';

/**
 * From a street address to officials. The geocoder's answer fixes the House district and, when
 * the provider gives them, the state legislative districts (resolve-match.ts). When the geocoder
 * is down or finds nothing, the ZIP in the address (if any) gives the candidates to choose from:
 * the campaign keeps working. Several matches in different districts, or a point too near a
 * district line, ask the supporter to choose.
 *
 * Answers are remembered for a while so a reload costs no second provider call, but only as
 * division and seat ids under a hash of the address: never the address, the provider's matched
 * address or the point.
 */

const MAX_CHOICES = 10;

/** What Voz keeps of an answer: enough to answer the same address again, nothing that locates anyone. */
export type Remembered = { kind: 'matched'; zip: string | null; resolution: Resolution } | { kind: 'no_match' };

const matchLabel = (m: GeocodeMatch): string | null =>
  m.state && m.congressionalDistrict ? districtLabel(`${m.state}-${m.congressionalDistrict}`) : null;

export function createResolver(deps: {
  geocoder: Geocoder;
  directory: Directory;
  seats: Iterable<LegislativeSeat>;
  /** Remembered answers; without it every lookup asks the provider. */
  cache?: AnswerCache<Remembered> | null;
}): AddressResolver {
  const { geocoder, directory } = deps;
  const provider: ProviderName = geocoder.provider;
  const cache = deps.cache ?? null;
  const legislature = new LegislativeIndex(deps.seats);
  const places = new PlaceResolver(directory, legislature);

  function matched(
    address: string,
    zip: string | null,
    resolution: Resolution,
    matchedAddress: string | null,
  ): AddressLookupResult | null {
    const rendered = places.render(resolution, { kind: 'address', value: address });
    if (!rendered) return null;
    const { stateLegislators } = resolution;
    return {
      status: 'matched',
      provider,
      matchedAddress,
      result: rendered.result,
      fallback: null,
      zip,
      choices: [],
      stateLegislators,
      message: stateLegislators === 'not_provided' ? NO_STATE_LEGISLATORS.en : null,
      place: rendered.place,
    };
  }

  /** A point Voz's approximate map cannot place: the candidates, and a message that says so. */
  function nearBoundary(address: string, m: GeocodeMatch, r: Extract<Resolved, { kind: 'near_boundary' }>) {
    const message = addressMessage('en', { status: 'near_boundary', zip: m.zip, fallback: false });
    const query: LookupQuery = { kind: 'address', value: address };
    return {
      status: 'near_boundary',
      provider,
      matchedAddress: m.matchedAddress,
      result: { ...r.result, query, message },
      fallback: null,
      zip: m.zip,
      choices: [],
      stateLegislators: r.stateLegislators,
      message,
      place: null,
    } satisfies AddressLookupResult;
  }

  function choicesOf(address: string, found: Array<{ match: GeocodeMatch; resolved: Resolved | null }>) {
    const query: LookupQuery = { kind: 'address', value: address };
    return found.slice(0, MAX_CHOICES).map(({ match, resolved }): AddressChoice => {
      const place = resolved?.kind === 'exact' ? (places.render(resolved.resolution, query)?.place ?? null) : null;
      return {
        address: match.matchedAddress,
        district: matchLabel(match) ?? (place ? districtLabel(place.district) : null),
        place,
      };
    });
  }

  function fromMemory(address: string, remembered: Remembered): AddressLookupResult {
    const answer = remembered.kind === 'matched' ? matched(address, remembered.zip, remembered.resolution, null) : null;
    return answer ?? unresolved(directory, 'no_match', address, provider);
  }

  return {
    provider,
    async lookup(raw) {
      const address = cleanAddress(raw);
      const remembered = cache?.get(address);
      if (remembered) return fromMemory(address, remembered);
      const outcome = await geocoder.geocode(address);
      if (outcome.kind === 'unavailable') return unresolved(directory, 'unavailable', address, provider);
      if (outcome.kind === 'no_match') {
        cache?.set(address, { kind: 'no_match' });
        return unresolved(directory, 'no_match', address, provider);
      }
      const matches = outcome.kind === 'multiple' ? outcome.matches : [outcome.match];
      const found = matches.map((match) => ({ match, resolved: places.resolve(match) }));
      const keys = new Set(
        found.map((f) => (f.resolved?.kind === 'exact' ? resolutionKey(f.resolved.resolution) : null)),
      );
      if (found.length > 1 && (keys.size > 1 || keys.has(null))) {
        const states = new Set(matches.map((m) => m.state));
        const [only] = states;
        const state = states.size === 1 ? (only ?? null) : null;
        return unresolved(directory, 'multiple', address, provider, choicesOf(address, found), state);
      }
      // One place, however many spellings of it.
      const { match, resolved } = found[0]!;
      if (resolved?.kind === 'near_boundary') return nearBoundary(address, match, resolved);
      const answer = resolved ? matched(address, match.zip, resolved.resolution, match.matchedAddress) : null;
      if (!answer || !resolved) return unresolved(directory, 'no_match', address, provider);
      cache?.set(address, { kind: 'matched', zip: match.zip, resolution: resolved.resolution });
      return answer;
    },

    withLegislators(result, names) {
      const state = result.state;
      if (!state) return result;
      const found = (['upper', 'lower'] as const).flatMap((chamber) => {
        const labels = names[chamber].map((name) => ({ code: null, names: [name] }));
        const match = legislature.match(state, chamber, labels);
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
  if (!geocoder) return null;
  const cache = new AnswerCache<Remembered>(deps.clock, DEFAULT_CACHE);
  return createResolver({ geocoder, directory: deps.directory, seats: deps.seats, cache });
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
