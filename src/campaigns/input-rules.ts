import { z } from 'zod';

/** Field rules shared by the campaign schema (campaign-input.ts), with messages an organizer can act on. */

/** Lengths in characters; the editor uses them for `maxlength`. */
export const LIMITS = {
  slug: 64,
  title: 160,
  summary: 600,
  body: 50_000,
  callScript: 4_000,
  message: 10_000,
  shareText: 280,
  tag: 40,
  tags: 20,
  customTargets: 20,
  embedOrigins: 20,
  name: 120,
  url: 2_000,
  phone: 30,
  email: 254,
} as const;

export const limitedText = (max: number, what: string) =>
  z.string({ error: `The ${what} must be text.` }).superRefine((value, ctx) => {
    if (value.length > max) {
      ctx.addIssue({
        code: 'custom',
        message: `The ${what} is too long: ${value.length.toLocaleString('en-US')} characters (the limit is ${max.toLocaleString('en-US')}).`,
      });
    }
  });

export const optionalText = (max: number, what: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : v),
    limitedText(max, what),
  );

/** http(s) only: a `javascript:` or `data:` URL must never reach an href or src. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/** A path on this site. "//host" and "/\\host" are other hosts to a browser (WHATWG URL), so both are refused. */
export const isSitePath = (value: string): boolean => /^\/(?![/\\])[^\s\\]*$/.test(value);

export const nullIfBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
    ? null
    : typeof v === 'string'
      ? v.trim()
      : v;

export const httpUrl = (what: string, allowPath = false) =>
  z.preprocess(
    nullIfBlank,
    z
      .string({ error: `The ${what} must be text.` })
      .max(LIMITS.url, `The ${what} is too long (the limit is ${LIMITS.url} characters).`)
      .refine(
        (v) => isHttpUrl(v) || (allowPath && isSitePath(v)),
        allowPath
          ? `The ${what} must start with https:// or http://, or be a path on this site such as /logo.png.`
          : `The ${what} must start with https:// or http://.`,
      )
      .nullable(),
  );

/**
 * An https:// address only: the logo is shown on the campaign's pages and in its embed, which are
 * served over https in production, where an http:// image is blocked as mixed content. A path on
 * this site is refused too: Voz serves no files of the organization's own, so "/logo.png" is a 404.
 */
export const httpsUrl = (what: string) =>
  z.preprocess(
    nullIfBlank,
    z
      .string({ error: `The ${what} must be text.` })
      .max(LIMITS.url, `The ${what} is too long (the limit is ${LIMITS.url} characters).`)
      .refine(
        (v) => isHttpUrl(v) && new URL(v).protocol === 'https:',
        `The ${what} must be an https:// address of an image on your organization's website, such as https://example.org/logo.png. Voz does not host images.`,
      )
      .nullable(),
  );

/**
 * A site allowed to embed a campaign, as an origin (RFC 6454): scheme, host and port, which is what
 * CSP frame-ancestors compares. "https://www.example.org/" and "HTTPS://WWW.EXAMPLE.ORG" are the
 * same origin; a path, query, fragment or user name is not part of one, so it is refused rather
 * than silently dropped (the organizer may have meant something else).
 */
export function siteOrigin(value: string): string | null {
  const text = value.trim();
  if (!isHttpUrl(text)) return null;
  const url = new URL(text);
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return null;
  if (/[*]/.test(url.host)) return null;
  return url.origin;
}

/** WCAG 2.2 relative luminance, for the contrast of white button text on the theme colour. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}
