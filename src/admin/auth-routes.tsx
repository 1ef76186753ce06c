import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { clientKeyerFor } from '../http/client-key.ts';
import { sendHtml } from '../web/respond.ts';
import {
  AccountError,
  checkCredentials,
  deleteEndedSessions,
  endSession,
  startSession,
  storedPasswordHash,
} from './accounts.ts';
import { DEVICE_COOKIE, isKnownDevice, setDeviceCookie } from './device-cookie.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import { acceptInvitation, findInvitation } from './invitations.ts';
import { keptFromLogin, resumeEditor } from './kept-form.tsx';
import { AdminLayout, CsrfField, Field, text } from './layout.tsx';
import { LoginPage } from './login-page.tsx';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookies } from './session.ts';
import { normalizeEmail } from './user.ts';

/**
 * Where to go after signing in: only a path inside the workspace, never another site ("//evil"),
 * with its query kept (a preview's ZIP). The query is re-encoded by URL, so it cannot carry a
 * second path or a fragment out of the workspace.
 */
export function safeNext(next: string): string {
  const at = next.indexOf('?');
  const path = at < 0 ? next : next.slice(0, at);
  if (!/^\/admin(\/[A-Za-z0-9._~/-]*)?$/.test(path) || path.includes('//') || path.includes('/.')) return '/admin';
  const query = new URLSearchParams(at < 0 ? '' : next.slice(at + 1).split('#')[0]).toString();
  return query ? `${path}?${query}` : path;
}

/** One message for a wrong password and for an unknown email, so neither reveals which accounts exist. */
export const LOGIN_FAILED = 'That email and password do not match. Check both and try again.';
export const lockedMessage = (ms: number) =>
  `Too many sign-in attempts. Wait ${Math.max(1, Math.ceil(ms / 60_000))} minute(s) and try again.`;

export function authRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const keyer = clientKeyerFor(deps.appDeps);

  app.get('/admin/login', (c) => {
    if (c.get('session')) return c.redirect('/admin', 303);
    return sendHtml(c, <LoginPage csrf={c.get('csrfToken')} email="" next={safeNext(c.req.query('next') ?? '')} />);
  });

  app.post('/admin/login', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const email = text(body, 'email').slice(0, 254);
    const password = text(body, 'password').slice(0, 1024);
    const next = safeNext(text(body, 'next'));
    const kept = keptFromLogin(body);
    const client = keyer.keyOf(c);
    const page = (status: 401 | 429, error: string) =>
      sendHtml(
        c,
        <LoginPage csrf={c.get('csrfToken')} email={email} next={next} error={error} {...(kept ? { kept } : {})} />,
        status,
      );

    const knownDevice =
      getCookie(c, DEVICE_COOKIE) !== undefined &&
      isKnownDevice(c, await storedPasswordHash(deps, email), normalizeEmail(email));
    const wait = deps.loginLimiter.retryAfterMs(client, email, { knownDevice });
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return page(429, lockedMessage(wait));
    }
    const user = await checkCredentials(deps, email, password);
    if (!user) {
      deps.loginLimiter.recordFailure(client, email);
      return page(401, LOGIN_FAILED);
    }
    deps.loginLimiter.recordSuccess(client, email);
    const hash = await storedPasswordHash(deps, user.email);
    if (hash) setDeviceCookie(c, deps.config, hash, user.email);
    // A fresh id on every sign-in, and the old one dropped: no session fixation.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await endSession(deps, previous);
    const { sessionId, csrfToken } = await startSession(deps, user);
    setSessionCookies(c, deps, sessionId, csrfToken);
    // Sign-ins are rare; tidying expired sessions here needs no scheduler.
    await deleteEndedSessions(deps);
    if (kept) {
      return resumeEditor(c, deps, {
        user,
        csrf: csrfToken,
        ...kept,
        notice: 'You are signed in again. Nothing is saved yet: check your changes below and save.',
        status: 200,
      });
    }
    return c.redirect(next, 303);
  });

  app.post('/admin/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) await endSession(deps, sessionId);
    clearSessionCookie(c, deps);
    return c.redirect('/admin/login', 303);
  });

  const InvitationPage = (props: { csrf: string; token: string; email: string; role: string; error?: string }) => (
    <AdminLayout title="Join Voz" user={null} csrf={props.csrf}>
      <h1>Join as {props.role}</h1>
      <p>
        Choose a password for <strong>{props.email}</strong>.
      </p>
      <form method="post" action={`/admin/invitations/${encodeURIComponent(props.token)}`}>
        <CsrfField token={props.csrf} />
        <Field
          name="password"
          label="New password"
          type="password"
          required
          autocomplete="new-password"
          hint="At least 10 characters."
          error={props.error}
        />
        <p>
          <button type="submit">Create my account</button>
        </p>
      </form>
    </AdminLayout>
  );
  const expired = (csrf: string) => (
    <AdminLayout title="Invitation expired" user={null} csrf={csrf}>
      <h1>This invitation link is no longer valid</h1>
      <p>It was used already or is over a week old. Ask an owner to invite you again.</p>
    </AdminLayout>
  );

  app.get('/admin/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await findInvitation(deps, token);
    if (!invitation) return sendHtml(c, expired(c.get('csrfToken')), 404);
    return sendHtml(
      c,
      <InvitationPage csrf={c.get('csrfToken')} token={token} email={invitation.email} role={invitation.role} />,
    );
  });

  app.post('/admin/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const password = text(await c.req.parseBody(), 'password');
    const invitation = await findInvitation(deps, token);
    if (!invitation) return sendHtml(c, expired(c.get('csrfToken')), 404);
    try {
      const user = await acceptInvitation(deps, token, password);
      if (!user) return sendHtml(c, expired(c.get('csrfToken')), 404);
      const { sessionId, csrfToken } = await startSession(deps, user);
      setSessionCookies(c, deps, sessionId, csrfToken);
      return c.redirect('/admin', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return sendHtml(
        c,
        <InvitationPage
          csrf={c.get('csrfToken')}
          token={token}
          email={invitation.email}
          role={invitation.role}
          error={err.message}
        />,
        400,
      );
    }
  });

  return app;
}
