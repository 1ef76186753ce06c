/**
 * Scanning a list-valued header field in place (RFC 9110 §5.6.1: `#element`, members separated
 * by commas with optional whitespace), for the parsers called on hot paths (content-encoding.ts,
 * etag.ts): they walk the string by index instead of splitting it.
 */

export const COMMA = 0x2c;
const TAB = 0x09;
const SPACE = 0x20;

/** The index of the first character at or after `i` that is not OWS (space or tab). */
export function skipWhitespace(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c === SPACE || c === TAB) c = s.charCodeAt(++i);
  return i;
}

/** The index just past the next comma at or after `i`: where the next list member starts. */
export function nextMember(s: string, i: number): number {
  const comma = s.indexOf(',', i);
  return comma === -1 ? s.length : comma + 1;
}
