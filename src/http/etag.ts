import { COMMA, nextMember, skipWhitespace } from './field-scan.ts';

const QUOTE = 0x22;
const STAR = 0x2a;
const SLASH = 0x2f;
const UPPER_W = 0x57;

/**
 * Whether an If-None-Match field value names `etag`, a current representation's entity-tag
 * (RFC 9110 §13.1.2): then a GET is answered 304.
 *
 * `If-None-Match = "*" / #entity-tag`, `entity-tag = [ weak ] opaque-tag`, `weak = %s"W/"`
 * (case-sensitive), `opaque-tag = DQUOTE *etagc DQUOTE` (§8.8.3). So:
 * - `*` alone matches any current representation;
 * - otherwise each listed entity-tag is compared weakly (§8.8.3.2): `W/` on either side is ignored
 *   and the opaque-tags, quotes included, must be the same characters;
 * - `*` inside a list is not valid syntax and matches nothing; nor does any other member that is
 *   not an entity-tag (skipped, so the tags listed beside it still count);
 * - etagc includes `,` (%x2C), so a tag is read up to its closing quote, not up to the next comma.
 *
 * Called on every cached API answer whose request carries the header: it scans the field value
 * in place, allocating nothing.
 */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const n = ifNoneMatch.length;
  let i = skipWhitespace(ifNoneMatch, 0);
  if (ifNoneMatch.charCodeAt(i) === STAR && skipWhitespace(ifNoneMatch, i + 1) === n) return true;
  const ours = isWeak(etag, 0) ? 2 : 0;
  const oursLength = etag.length - ours;
  while (i < n) {
    i = skipWhitespace(ifNoneMatch, i);
    if (isWeak(ifNoneMatch, i)) i += 2;
    if (ifNoneMatch.charCodeAt(i) === QUOTE) {
      const open = i;
      // etagc excludes DQUOTE: the next one closes the tag.
      const close = ifNoneMatch.indexOf('"', open + 1);
      if (close === -1) return false;
      i = skipWhitespace(ifNoneMatch, close + 1);
      if (
        (i === n || ifNoneMatch.charCodeAt(i) === COMMA) &&
        close + 1 - open === oursLength &&
        sameChars(ifNoneMatch, open, etag, ours, oursLength)
      ) {
        return true;
      }
    }
    // On to the next member; what is left of one that is not an entity-tag is skipped with it.
    i = nextMember(ifNoneMatch, i);
  }
  return false;
}

function isWeak(s: string, i: number): boolean {
  return s.charCodeAt(i) === UPPER_W && s.charCodeAt(i + 1) === SLASH;
}

function sameChars(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}
