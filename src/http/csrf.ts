import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { cookieOptions } from './cookies.ts';
import { HttpError } from './errors.ts';
import { isFromTrustedProxy } from './trusted-proxy.ts';

/**
 * CSRF protection for HTML forms: the double-submit cookie pattern (OWASP CSRF Prevention Cheat
 * Sheet). A random token lives in an HttpOnly, SameSite=Lax cookie; every page renders it into its
 * forms as `_csrf` (read it with `c.get('csrfToken')`), and every POST/PUT/PATCH/DELETE must echo it
 * in that field or in an `x-csrf-token` header. A cross-site page can neither read the cookie nor
 * learn the token. An Origin header naming another site is refused outright (see `isOwnOrigin`).
 *
 * JSON endpoints under /api do not use this: they require `Content-Type: application/json`, which a
 * cross-site form cannot send without a CORS preflight that Voz never grants.
 */
export const CSRF_COOKIE = 'voz_csrf';
export const CSRF_FIELD = '_csrf';

export type CsrfEnv = { Variables: { csrfToken: string } };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newCsrfToken = (): string => randomBytes(32).toString('base64url');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function submittedToken(c: Parameters<MiddlewareHandler>[0]): Promise<string | null> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    // parseBody caches the parsed body, so the route can read it again.
    const body = await c.req.parseBody();
    const value = body[CSRF_FIELD];
    return typeof value === 'string' ? value : null;
  }
  return null;
}

export const csrfFailed = () =>
  new HttpError(403, 'csrf_failed', 'This form has expired or came from another site. Reload the page and try again.');

export const crossSiteForm = () =>
  new HttpError(
    403,
    'cross_site_form',
    'This form was sent from another site, so Voz did not accept it. Open the page on this site and try again.',
  );

/**
 * Whether an Origin header (RFC 6454 §7) names another site. This site is the host the request
 * was addressed to, the host a trusted proxy says it forwarded (X-Forwarded-Host), or PUBLIC_URL's
 * origin; the last covers proxies that rewrite Host and send no X-Forwarded-Host. "null" (sent
 * from sandboxed frames and some privacy modes) names no site, so it is left to the token check.
 * A header that is not a serialised origin counts as another site: it proves nothing.
 */
export function isForeignOrigin(origin: string, c: Context, config: Config): boolean {
  if (origin === 'null') return false;
  if (!URL.canParse(origin)) return true;
  const claimed = new URL(origin);
  if (claimed.origin !== origin) return true;
  if (claimed.origin === new URL(config.publicUrl).origin) return false;
  if (claimed.host === new URL(c.req.url).host) return false;
  return !(isFromTrustedProxy(c, config.proxyTrust) && claimed.host === c.req.header('x-forwarded-host'));
}

export function csrfProtection(config: Config): MiddlewareHandler<CsrfEnv> {
  return async (c, next) => {
    const existing = getCookie(c, CSRF_COOKIE);
    const token = existing && TOKEN_PATTERN.test(existing) ? existing : newCsrfToken();
    c.set('csrfToken', token);

    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && isForeignOrigin(origin, c, config)) throw crossSiteForm();
      const submitted = await submittedToken(c);
      if (!existing || !submitted || !sameToken(existing, submitted)) throw csrfFailed();
    }
    if (existing !== token) setCookie(c, CSRF_COOKIE, token, cookieOptions(c, config, { maxAge: 60 * 60 * 24 * 7 }));
    await next();
  };
}
