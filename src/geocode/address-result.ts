import type { LookupResult } from '../officials/types.ts';
import type { AddressStatus } from './messages.ts';
import type { ProviderName } from './types.ts';

/** What a street-address lookup answers: for the API, the pages and the CLI. */

export interface AddressChoice {
  address: string;
  /** "CA-7", "AK-AL"; null when the provider did not say and Voz could not place it. */
  district: string | null;
  /** The choice's districts when Voz placed it exactly: a page links to them instead of asking the geocoder again. */
  place: ResolvedPlace | null;
}

/** `partial`: some of the districts the provider named were matched, some were not. */
export type StateLegislatorStatus = 'matched' | 'partial' | 'unmatched' | 'not_provided' | 'none';

/**
 * A resolved address as a page carries it from step to step, without the address: the House
 * district (`CA-36`, `DC-0`) and every matched state legislative district, named as Open States
 * publishes them (`24`, `Third Middlesex`, `Ward 2`; `Rockingham 13` and `Rockingham 37` for a
 * New Hampshire address in a floterial district; `19A` and `19B` for an Idaho one).
 */
export interface ResolvedPlace {
  district: string;
  upper: string[];
  lower: string[];
}

export interface AddressLookupResult {
  status: AddressStatus;
  provider: ProviderName | null;
  /** The address as the provider understood it, shown so the supporter can check it; null when answered from memory. */
  matchedAddress: string | null;
  /** The address's officials when matched; near a boundary the candidates; otherwise the ZIP's answer, when the address has a ZIP. */
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

/** State legislative district names as a `ResolvedPlace` carries them. */
export interface LegislativeNames {
  upper: readonly string[];
  lower: readonly string[];
}

export interface AddressResolver {
  readonly provider: ProviderName;
  lookup(address: string): Promise<AddressLookupResult>;
  /** Adds the state legislators of districts named as in `ResolvedPlace` (for pages' later steps). */
  withLegislators(result: LookupResult, names: LegislativeNames): LookupResult;
}
