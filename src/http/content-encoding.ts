import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { COMMA, nextMember, skipWhitespace } from './field-scan.ts';

/**
 * Content negotiation on Accept-Encoding (RFC 9110 §12.5.3), shared by the pages (web/respond.ts)
 * and the JSON API (officials/response-cache.ts). Supporters are mostly on phones, often on slow or
 * metered connections, so answers large enough to gain are sent compressed when the client takes it.
 */

export type ContentCoding = 'br' | 'gzip';

/** Below this a compressed body saves less than the headers and the CPU cost; sent as it is. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Brotli quality 5 and gzip level 6 compress about as well as the top levels do for JSON and HTML
 * at a fraction of the CPU: the first request for each answer pays for it, and in a viral spike
 * with many distinct ZIP codes there are many first requests.
 */
export function compress(body: Uint8Array, coding: ContentCoding): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      })
    : gzipSync(body, { level: 6 });
}

/**
 * The entity-tag of a coded body made from the body tagged `etag`. A coded body is a different
 * representation, and a strong validator must differ between content codings (RFC 9110 §8.8.3):
 * the identity tag with the coding inside the quotes.
 */
export function codedEtag(etag: string, coding: ContentCoding): string {
  return `${etag.slice(0, -1)}-${coding}"`;
}

const SPACE = 0x20;
const SEMICOLON = 0x3b;
const EQUALS = 0x3d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Weights in thousandths (a qvalue has at most three decimals); -1 when a coding is not listed. */
const UNLISTED = -1;

/**
 * The coding to send for an Accept-Encoding field value, or null for the body as it is (identity).
 *
 * RFC 9110 §12.5.3: `Accept-Encoding = #( codings [ weight ] )`, `codings = content-coding /
 * "identity" / "*"`, `weight = OWS ";" OWS "q=" qvalue` (§12.4.2), codings compared without regard
 * to case (§8.4.1), `x-gzip` the same as `gzip` (§8.4.1.3). A weight of 0 means "not acceptable";
 * `*` stands for every coding the field does not name. Of br and gzip the one with the higher
 * weight wins, br on a tie (smaller bodies); identity only when the client weighs it above both.
 * A member that does not parse is ignored, as if unlisted. An absent or empty field value asks
 * for no coding. Identity is always acceptable to us as the last resort: we never answer 406.
 *
 * Called on every API request that carries the header, so it scans the string in place without
 * splitting it.
 */
export function pickEncoding(header: string | undefined): ContentCoding | null {
  if (!header) return null;
  let br = UNLISTED;
  let gzip = UNLISTED;
  let identity = UNLISTED;
  let any = UNLISTED;
  const n = header.length;
  let i = 0;
  while (i < n) {
    i = skipWhitespace(header, i);
    const start = i;
    while (i < n && isTokenChar(header.charCodeAt(i))) i++;
    const end = i;
    i = skipWhitespace(header, i);
    let q = 1000;
    if (header.charCodeAt(i) === SEMICOLON) {
      i = skipWhitespace(header, i + 1);
      q = UNLISTED;
      if ((header.charCodeAt(i) | 0x20) === 0x71 /* q or Q */ && header.charCodeAt(i + 1) === EQUALS) {
        i += 2;
        const unit = header.charCodeAt(i);
        if (unit === ZERO || unit === ZERO + 1) {
          q = (unit - ZERO) * 1000;
          i++;
          if (header.charCodeAt(i) === DOT) {
            i++;
            for (let scale = 100, digits = 0; digits < 3; digits++, i++, scale /= 10) {
              const c = header.charCodeAt(i);
              if (!(c >= ZERO && c <= NINE)) break;
              q += (c - ZERO) * scale;
            }
          }
          if (q > 1000) q = UNLISTED;
        }
        i = skipWhitespace(header, i);
      }
    }
    if (end > start && q !== UNLISTED && (i >= n || header.charCodeAt(i) === COMMA)) {
      if (tokenIs(header, start, end, 'br')) br = Math.max(br, q);
      else if (tokenIs(header, start, end, 'gzip') || tokenIs(header, start, end, 'x-gzip')) gzip = Math.max(gzip, q);
      else if (tokenIs(header, start, end, 'identity')) identity = Math.max(identity, q);
      else if (tokenIs(header, start, end, '*')) any = Math.max(any, q);
    }
    // On to the next member; the rest of a malformed one is skipped with it.
    i = nextMember(header, i);
  }
  const brWeight = br !== UNLISTED ? br : any !== UNLISTED ? any : 0;
  const gzipWeight = gzip !== UNLISTED ? gzip : any !== UNLISTED ? any : 0;
  const best = Math.max(brWeight, gzipWeight);
  if (best === 0 || identity > best) return null;
  return brWeight >= gzipWeight ? 'br' : 'gzip';
}

/** tchar (RFC 9110 §5.6.2): visible ASCII but the delimiters `"(),/:;<=>?@[\]{}`. */
function isTokenChar(c: number): boolean {
  if (c <= SPACE || c >= 0x7f) return false;
  switch (c) {
    case 0x22:
    case 0x28:
    case 0x29:
    case COMMA:
    case 0x2f:
    case 0x3a:
    case SEMICOLON:
    case 0x3c:
    case EQUALS:
    case 0x3e:
    case 0x3f:
    case 0x40:
    case 0x5b:
    case 0x5c:
    case 0x5d:
    case 0x7b:
    case 0x7d:
      return false;
    default:
      return true;
  }
}

/** Whether s[start, end) is `name` (lower case) without regard to ASCII case. */
function tokenIs(s: string, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) {
    const c = s.charCodeAt(start + k);
    const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    if (lower !== name.charCodeAt(k)) return false;
  }
  return true;
}
