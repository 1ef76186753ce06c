import type { StateCode } from '../domain.ts';

/**
 * What a geocoding provider tells Voz about a street address, in Voz's own words. Clients for
 * the Census Geocoder, Geocodio and coordinates-only services all answer with these types.
 */

export type ProviderName = 'census' | 'geocodio' | 'nominatim';

/** A state legislative district as a provider names it: a code ("012") and labels ("State Senate District 12"). */
export interface DistrictLabel {
  code: string | null;
  names: string[];
}

export interface GeocodeMatch {
  /** The address as the provider understood it ("1600 PENNSYLVANIA AVE NW, WASHINGTON, DC, 20500"). */
  matchedAddress: string;
  lat: number;
  lon: number;
  state: StateCode | null;
  zip: string | null;
  /** House district number as published ("12"; "0" at-large or delegate); null when the provider gives none. */
  congressionalDistrict: string | null;
  /** State legislative districts; null when the provider does not give them (Voz then cannot name state legislators). */
  upper: DistrictLabel[] | null;
  lower: DistrictLabel[] | null;
}

export type GeocodeAnswer =
  | { kind: 'match'; match: GeocodeMatch }
  | { kind: 'multiple'; matches: GeocodeMatch[] }
  | { kind: 'no_match' };

/**
 * Why a provider call failed. `throttled`: Voz held the request back itself (a provider's usage
 * policy allows so many requests a second) and the provider never saw it. `unavailable`: the
 * circuit breaker is open. Only what the provider did counts against the breaker: every kind but
 * `rejected` (a refused key or quota, a configuration problem) and `throttled`.
 */
export type GeocoderFailure =
  | 'timeout'
  | 'network'
  | 'server_error'
  | 'malformed'
  | 'rejected'
  | 'throttled'
  | 'unavailable';

export class GeocoderError extends Error {
  constructor(
    readonly failure: GeocoderFailure,
    readonly provider: ProviderName,
    /** HTTP status when there was one. Messages never include the address or the URL. */
    readonly status: number | null = null,
  ) {
    super(`${provider} geocoder: ${failure}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'GeocoderError';
  }
}

export interface GeocodingProvider {
  readonly name: ProviderName;
  /** Throws `GeocoderError`; resolves with a match, several, or none. */
  geocode(address: string): Promise<GeocodeAnswer>;
}
