import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cookieOptions } from '../http/cookies.ts';
import { CSRF_COOKIE, csrfFailed } from '../http/csrf.ts';
import { HttpError } from '../http/errors.ts';
import { markSessionUsed, readSession, SESSION_TTL_MS } from './accounts.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import type { Session, User } from './user.ts';

export const SESSION_COOKIE = 'voz_session';
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The only /admin paths an anonymous visitor may reach. Everything else under /admin is refused
 * before any route runs; admin-routes.test.ts walks every registered route to prove it.
 */
export const PUBLIC_ADMIN_PATHS: readonly RegExp[] = [
  /^\/admin\/login$/,
  /^\/admin\/invitations\/[^/]+$/,
  /^\/admin\/assets\/[^/]+$/,
];
export const isPublicAdminPath = (path: string): boolean => PUBLIC_ADMIN_PATHS.some((p) => p.test(path));

export function setSessionCookies(c: Context, deps: AdminDeps, sessionId: string, csrfToken: string): void {
  setCookie(
    c,
    SESSION_COOKIE,
    sessionId,
    cookieOptions(c, deps.config, { path: '/admin', maxAge: SESSION_TTL_MS / 1000 }),
  );
  setCookie(c, CSRF_COOKIE, csrfToken, cookieOptions(c, deps.config, { maxAge: 60 * 60 * 24 * 7 }));
}

export function clearSessionCookie(c: Context, deps: AdminDeps): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, deps.config, { path: '/admin' }));
}

/** Whether the client wants a page (a browser navigation) rather than data. */
const wantsPage = (c: Context): boolean =>
  c.req.method === 'GET' &&
  !c.req.path.endsWith('.json') &&
  !c.req.path.endsWith('.csv') &&
  !c.req.header('x-requested-with');

/**
 * Loads the session from its cookie, refuses anonymous requests outside PUBLIC_ADMIN_PATHS, and
 * binds CSRF to the session: after sign-in, the token a form must echo is the one stored with the
 * session, so a token planted in the cookie by a sibling subdomain (the weak spot of a plain
 * double-submit cookie) does not work. Runs after csrfProtection, which checks cookie == field.
 */
export function sessionGuard(deps: AdminDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const raw = getCookie(c, SESSION_COOKIE);
    const session = raw && SESSION_ID_PATTERN.test(raw) ? await readSession(deps, raw) : null;
    c.set('session', session);
    c.set('sessionId', session ? (raw ?? null) : null);

    if (!session) {
      if (raw) clearSessionCookie(c, deps);
      if (isPublicAdminPath(c.req.path)) return next();
      if (wantsPage(c)) {
        const login = new URL('/admin/login', c.req.url);
        // The query too: a preview's ZIP or a filter is part of where the organizer was going.
        const asked = new URL(c.req.url);
        login.searchParams.set('next', `${asked.pathname}${asked.search}`);
        return c.redirect(`${login.pathname}${login.search}`, 303);
      }
      throw new HttpError(401, 'sign_in_required', 'Sign in to continue.');
    }
    // A background poll (the live dashboard) is not use: a dashboard left open still times out.
    if (!c.req.header('x-requested-with') && raw) await markSessionUsed(deps, raw, session);
    if (c.get('csrfToken') !== session.csrfToken) {
      if (UNSAFE.has(c.req.method)) throw csrfFailed();
      c.set('csrfToken', session.csrfToken);
      setCookie(c, CSRF_COOKIE, session.csrfToken, cookieOptions(c, deps.config, { maxAge: 60 * 60 * 24 * 7 }));
    }
    return next();
  };
}

/** The signed-in user; routes behind sessionGuard always have one. */
export function currentUser(c: Context<AdminEnv>): User {
  const session: Session | null = c.get('session');
  if (!session) throw new HttpError(401, 'sign_in_required', 'Sign in to continue.');
  return session.user;
}

export function requirePermission(allowed: boolean): void {
  if (!allowed) throw new HttpError(403, 'forbidden', 'Your role does not allow this. Ask an owner of this Voz.');
}
