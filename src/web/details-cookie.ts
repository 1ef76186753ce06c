import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { cookieOptions } from '../http/cookies.ts';
import { cleanDetails, DETAIL_FIELDS, type SupporterDetails } from './fill.ts';

/**
 * The no-JavaScript flow's memory of the supporter's details between outcome reports: a session
 * cookie (no Max-Age, so the browser drops it when it closes), HttpOnly, SameSite=Lax, Secure
 * behind HTTPS, and sent only to this campaign's pages (its Path). Voz keeps nothing on the
 * server and puts nothing in a URL; "Forget my details" deletes it.
 */
export const DETAILS_COOKIE = 'voz_details';

const options = (c: Context, config: Config, slug: string) =>
  cookieOptions(c, config, { path: `/c/${encodeURIComponent(slug)}`, maxAge: undefined, expires: undefined });

const isEmpty = (details: SupporterDetails) => DETAIL_FIELDS.every((field) => details[field] === '');

/** The details from the cookie, cleaned as if typed again; null when there are none or they do not parse. */
export function readDetailsCookie(c: Context): SupporterDetails | null {
  const raw = getCookie(c, DETAILS_COOKIE);
  if (!raw) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null; // a cookie Voz did not write: as if there were none
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return null;
  const { details } = cleanDetails(decoded as Record<string, unknown>);
  return isEmpty(details) ? null : details;
}

/** Base64url JSON: every field at its limit stay under the 4 KB a browser keeps per cookie. */
export function saveDetailsCookie(c: Context, config: Config, slug: string, details: SupporterDetails): void {
  if (isEmpty(details)) {
    forgetDetailsCookie(c, config, slug);
    return;
  }
  const value = Buffer.from(JSON.stringify(details), 'utf8').toString('base64url');
  setCookie(c, DETAILS_COOKIE, value, options(c, config, slug));
}

export function forgetDetailsCookie(c: Context, config: Config, slug: string): void {
  deleteCookie(c, DETAILS_COOKIE, options(c, config, slug));
}
