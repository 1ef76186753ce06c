import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { cookieOptions } from './cookies.ts';
import { HttpError } from './errors.ts';

/**
 * CSRF protection for HTML forms: the double-submit cookie pattern (OWASP CSRF Prevention Cheat
 * Sheet). A random token lives in an HttpOnly, SameSite=Lax cookie; every page renders it into its
 * forms as `_csrf` (read it with `c.get('csrfToken')`), and every POST/PUT/PATCH/DELETE must echo it
 * in that field or in an `x-csrf-token` header. A cross-site page can neither read the cookie nor
 * learn the token. An Origin header naming another host is refused outright.
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

export function csrfProtection(config: Config): MiddlewareHandler<CsrfEnv> {
  return async (c, next) => {
    const existing = getCookie(c, CSRF_COOKIE);
    const token = existing && TOKEN_PATTERN.test(existing) ? existing : newCsrfToken();
    c.set('csrfToken', token);

    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null' && new URL(origin).host !== new URL(c.req.url).host) {
        if (!config.trustProxy || new URL(origin).host !== c.req.header('x-forwarded-host')) throw csrfFailed();
      }
      const submitted = await submittedToken(c);
      if (!existing || !submitted || !sameToken(existing, submitted)) throw csrfFailed();
    }
    if (existing !== token) setCookie(c, CSRF_COOKIE, token, cookieOptions(c, config, { maxAge: 60 * 60 * 24 * 7 }));
    await next();
  };
}
