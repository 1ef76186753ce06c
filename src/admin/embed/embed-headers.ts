/**
 * Frame policy for the embed page. A campaign that allows embedding may be framed by the sites
 * its organizer listed, or by any site when the list is empty (the organization pastes the
 * snippet wherever it publishes); every other answer forbids framing
 * both ways: CSP `frame-ancestors 'none'` (CSP Level 2) and `X-Frame-Options: DENY` for older
 * browsers. The logo may come from the organization's own site, so its origin is allowed for
 * images on the embed page only.
 */
const BASE = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

export function embedHeaders(options: {
  frameable: boolean;
  /** Origins allowed to frame the page; empty or absent: any. Validated as origins on save. */
  ancestors?: readonly string[];
  logoOrigin?: string | null;
}): Record<string, string> {
  const img = ["img-src 'self' data:", options.logoOrigin].filter(Boolean).join(' ');
  const ancestors = options.ancestors?.length ? options.ancestors.join(' ') : '*';
  const policy = [...BASE, img, `frame-ancestors ${options.frameable ? ancestors : "'none'"}`].join('; ');
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'private, no-store',
    ...(options.frameable ? {} : { 'X-Frame-Options': 'DENY' }),
  };
}

/** The origin of an absolute http(s) logo URL, or null for a path on this site or anything else. */
export function logoOrigin(logoUrl: string | null): string | null {
  if (!logoUrl || !URL.canParse(logoUrl)) return null;
  const url = new URL(logoUrl);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
}
