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
  if (/^[\d\s-]+$/.test(value)) throw badRequest('invalid_zip', `${digitsProblem(value, shown)} ${EXAMPLE}`);
  throw badRequest('invalid_zip', `"${shown}" is not a ZIP code: it may only contain digits. ${EXAMPLE}`);
}

/**
 * What is wrong with digits, spaces and hyphens that are not a ZIP: a count of digits is only
 * news when it is not 5 or 9; otherwise the +4 part or the layout is what is wrong ("94110-").
 */
function digitsProblem(value: string, shown: string): string {
  const plus4 = /^(\d{5})[-\s]+(\d*)$/.exec(value);
  if (plus4) {
    const extra = plus4[2]!.length;
    return extra === 0
      ? `"${shown}" has nothing after the hyphen: leave it out, or add the 4 digits of the ZIP+4.`
      : `"${shown}" has ${extra} digit${extra === 1 ? '' : 's'} after the hyphen; the ZIP+4 part has 4.`;
  }
  const digits = value.replace(/\D/g, '').length;
  if (digits === 5 || digits === 9) return `"${shown}" is not written like a ZIP code.`;
  return `"${shown}" has ${digits} digit${digits === 1 ? '' : 's'}; a ZIP code has 5.`;
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
