import type { OcdId, StateCode } from '../domain.ts';
import { HttpError } from '../http/errors.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';
import { zipFromAddress } from './address.ts';
import type { AddressChoice, AddressLookupResult } from './address-result.ts';
import { type AddressStatus, addressMessage } from './messages.ts';
import type { ProviderName } from './types.ts';

/** How an address lookup that did not settle on one place still gives the supporter something to act on. */

/** A directory answer, or null when the directory refuses the input (an unknown ZIP format, a point at sea). */
export function attempt(lookup: () => LookupResult): LookupResult | null {
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
export function unresolved(
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
export function withSeats(
  directory: Directory,
  result: LookupResult,
  seatIds: string[],
  divisionIds: OcdId[],
): LookupResult {
  const seen = new Set<string>();
  const representations = [
    ...result.representations,
    ...seatIds.map((id) => directory.findRepresentation(id)).filter((r): r is NonNullable<typeof r> => r !== null),
  ].filter((r) => !seen.has(r.seat.id) && seen.add(r.seat.id));
  const divisions = [...new Set([...result.divisions, ...divisionIds])];
  return { ...result, divisions, representations };
}
