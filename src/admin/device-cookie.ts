import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { cookieOptions } from '../http/cookies.ts';

/**
 * A device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful sign-in the browser keeps a token proving it has signed in to that account before,
 * which exempts it from the per-account backstop in login-limiter.ts. The token is an HMAC of the
 * address keyed by the account's password hash: nothing is stored, every Voz process can check
 * it, nobody without the hash can forge it, and a password change voids every token.
 */
export const DEVICE_COOKIE = 'voz_device';
const DEVICE_MAX_AGE_S = 365 * 24 * 60 * 60;

export const deviceToken = (passwordHash: string, email: string): string =>
  createHmac('sha256', passwordHash).update(`voz-device:${email}`).digest('base64url');

export function isKnownDevice(c: Context, passwordHash: string | null, email: string): boolean {
  const presented = getCookie(c, DEVICE_COOKIE);
  if (!presented || !passwordHash) return false;
  const expected = Buffer.from(deviceToken(passwordHash, email));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function setDeviceCookie(c: Context, config: Config, passwordHash: string, email: string): void {
  setCookie(
    c,
    DEVICE_COOKIE,
    deviceToken(passwordHash, email),
    cookieOptions(c, config, { path: '/admin/login', maxAge: DEVICE_MAX_AGE_S, sameSite: 'Strict' }),
  );
}
