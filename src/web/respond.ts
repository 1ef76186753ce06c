import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { codedEtag, compress, MIN_COMPRESSED_BYTES, pickEncoding } from '../http/content-encoding.ts';
import { matchesEtag } from '../http/etag.ts';
import type { Asset } from './assets.ts';

/**
 * Page responses with headers computed once at start-up, not by per-request middleware (see
 * the stack notes: header middleware halves a cheap endpoint). Pages are compressed here, with
 * brotli when the browser takes it (http/content-encoding.ts, which the JSON API's answer cache
 * uses too).
 */

/** Self only: no inline scripts or styles, no third-party anything, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  // Share and contact links open other sites; they learn nothing about which page sent the supporter.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

export const PAGE_HEADERS = {
  ...COMMON,
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  Vary: 'Accept-Encoding, Accept-Language',
} as const;

export type CachePolicy = 'public' | 'private';
const CACHE: Record<CachePolicy, string> = {
  // Campaign and home pages: the same for everyone; a minute of caching spares a viral spike.
  public: 'public, max-age=60',
  // Pages with a form token or the supporter's own filled-in text.
  private: 'private, no-store',
};

export async function sendHtml(
  c: Context,
  page: unknown,
  status: ContentfulStatusCode = 200,
  cache: CachePolicy = 'private',
): Promise<Response> {
  const html = `<!DOCTYPE html>${await Promise.resolve(String(page))}`;
  const raw = Buffer.from(html);
  const encoding = raw.length >= MIN_COMPRESSED_BYTES ? pickEncoding(c.req.header('accept-encoding')) : null;
  const body = encoding ? compress(raw, encoding) : raw;
  const headers: Record<string, string> = { ...PAGE_HEADERS, 'Cache-Control': CACHE[cache] };
  if (encoding) headers['Content-Encoding'] = encoding;
  return c.body(new Uint8Array(body), status, headers);
}

const ASSET_HEADERS = {
  ...COMMON,
  'Cache-Control': 'public, max-age=31536000, immutable',
  Vary: 'Accept-Encoding',
} as const;

/** A hashed asset in the coding the browser takes, each coding with its own ETag (codedEtag). */
export function sendAsset(c: Context, asset: Asset): Response {
  const encoding = pickEncoding(c.req.header('accept-encoding'));
  const etag = encoding ? codedEtag(asset.etag, encoding) : asset.etag;
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, { ...ASSET_HEADERS, ETag: etag });
  const body = encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.raw;
  const headers: Record<string, string> = { ...ASSET_HEADERS, 'Content-Type': asset.type, ETag: etag };
  if (encoding) headers['Content-Encoding'] = encoding;
  return c.body(new Uint8Array(body), 200, headers);
}
