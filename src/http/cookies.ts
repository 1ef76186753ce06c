import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import type { Config } from '../config.ts';
import { isFromTrustedProxy } from './trusted-proxy.ts';

/**
 * Every cookie Voz sets is HttpOnly and SameSite=Lax, and Secure when the site is served over
 * HTTPS (COOKIE_SECURE=auto decides from PUBLIC_URL, or X-Forwarded-Proto behind a trusted proxy).
 */
export function isSecureRequest(c: Context, config: Config): boolean {
  if (config.cookieSecure === 'always') return true;
  if (config.cookieSecure === 'never') return false;
  if (config.publicUrl.startsWith('https://')) return true;
  if (isFromTrustedProxy(c, config.proxyTrust) && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

export function cookieOptions(c: Context, config: Config, extra: Partial<CookieOptions> = {}): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecureRequest(c, config), ...extra };
}
