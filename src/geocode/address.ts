import { badRequest } from '../http/errors.ts';

/**
 * A street address as a supporter types it. Voz checks only what a geocoder cannot: that there
 * is something address-like to send, of a sane length. The address is used for one lookup and
 * then dropped; nothing here stores or logs it.
 */

export const MAX_ADDRESS_LENGTH = 200;

/** "94110" or "94110-1234": a ZIP, not a street address. */
export const isZipQuery = (input: string): boolean => /^\d{5}(-?\d{4})?$/.test(input.trim());

export function cleanAddress(input: string): string {
  // Control characters never belong in an address (and must not reach a provider's URL).
  const address = input
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (address === '') {
    throw badRequest(
      'invalid_address',
      'Enter a street address, such as "1600 Pennsylvania Ave NW, Washington, DC 20500".',
    );
  }
  if (address.length > MAX_ADDRESS_LENGTH) {
    throw badRequest('invalid_address', `That address is too long (over ${MAX_ADDRESS_LENGTH} characters).`);
  }
  if (!/\p{L}/u.test(address) || address.length < 5) {
    throw badRequest(
      'invalid_address',
      'Enter a street address with a street name, such as "1600 Pennsylvania Ave NW, Washington, DC 20500".',
    );
  }
  return address;
}

/** The ZIP at the end of an address, if any: the last five-digit group that is not the house number. */
export function zipFromAddress(address: string): string | null {
  const matches = [...address.matchAll(/(?<![\d-])(\d{5})(?:-\d{4})?(?!\d)/g)];
  const last = matches.at(-1);
  if (!last || last.index === 0) return null;
  return last[1]!;
}
