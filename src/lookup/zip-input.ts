import { badRequest } from '../http/errors.ts';
import { echo } from './echo.ts';

const EXAMPLE = 'Use 5 digits, like 94110, or ZIP+4, like 94110-1234.';

/**
 * The 5-digit ZIP of a supporter's input: "94110", " 94110 ", "94110-1234", "941101234".
 * ZCTAs are 5-digit areas, so the +4 part narrows nothing and is dropped.
 */
export function parseZip(raw: string): string {
  // Fast path for the common case: exactly five digits.
  if (raw.length === 5 && isDigits(raw)) return inUspsRange(raw);
  const value = raw.trim();
  const m = /^(\d{5})(?:[-\s]?\d{4})?$/.exec(value);
  if (m) return inUspsRange(m[1]!);
  if (value === '') throw badRequest('invalid_zip', `The ZIP code is empty. ${EXAMPLE}`);
  const shown = echo(value, 12);
  if (/^[\d\s-]+$/.test(value)) {
    const digits = value.replace(/\D/g, '').length;
    throw badRequest('invalid_zip', `"${shown}" has ${digits} digits; a ZIP code has 5. ${EXAMPLE}`);
  }
  throw badRequest('invalid_zip', `"${shown}" is not a ZIP code: it may only contain digits. ${EXAMPLE}`);
}

/**
 * USPS ZIP codes run from 00501 (IRS, Holtsville NY) to 99950 (Ketchikan AK); anything outside
 * cannot be anyone's ZIP, so it is bad input rather than an `unknown_zip` to ask an address for.
 */
const LOWEST_ZIP = '00501';
const HIGHEST_ZIP = '99950';

function inUspsRange(zip: string): string {
  if (zip < LOWEST_ZIP || zip > HIGHEST_ZIP) {
    throw badRequest(
      'invalid_zip',
      `${zip} is not a ZIP code: ZIP codes run from ${LOWEST_ZIP} to ${HIGHEST_ZIP}. ${EXAMPLE}`,
    );
  }
  return zip;
}

function isDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
