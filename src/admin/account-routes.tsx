import { Hono } from 'hono';
import { clientKeyerFor } from '../http/client-key.ts';
import { sendHtml } from '../web/respond.ts';
import { AccountError, changePassword, storedPasswordHash } from './accounts.ts';
import { lockedMessage } from './auth-routes.tsx';
import { setDeviceCookie } from './device-cookie.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import { AdminLayout, CsrfField, Field, text } from './layout.tsx';
import { currentUser, setSessionCookies } from './session.ts';

/** The signed-in organizer's own account: who they are, and their password. */
export function accountRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const keyer = clientKeyerFor(deps.appDeps);

  const passwordPage = (
    c: { get: (k: 'csrfToken') => string },
    user: ReturnType<typeof currentUser>,
    state: {
      errors?: Record<string, string>;
      done?: boolean;
    },
  ) => (
    <AdminLayout title="Your account" user={user} csrf={c.get('csrfToken')}>
      <h1>Your account</h1>
      <p>
        Signed in as {user.email} ({user.role}).
      </p>
      {state.done ? (
        <p class="notice" role="status">
          Password changed. Other devices were signed out.
        </p>
      ) : null}
      <h2>Change password</h2>
      <form method="post" action="/admin/account/password">
        <CsrfField token={c.get('csrfToken')} />
        <Field
          name="current"
          label="Current password"
          type="password"
          required
          autocomplete="current-password"
          error={state.errors?.current}
        />
        <Field
          name="password"
          label="New password"
          type="password"
          required
          autocomplete="new-password"
          hint="At least 10 characters."
          error={state.errors?.password}
        />
        <p>
          <button type="submit">Change password</button>
        </p>
      </form>
    </AdminLayout>
  );

  app.get('/admin/account', (c) => sendHtml(c, passwordPage(c, currentUser(c), { done: c.req.query('done') === '1' })));

  app.post('/admin/account/password', async (c) => {
    const user = currentUser(c);
    const body = await c.req.parseBody();
    // The current password is a sign-in by another door: a stolen session must not be able to
    // guess it without limit, so it meets the sign-in's limiter and the same lockout.
    const client = keyer.keyOf(c);
    const wait = deps.loginLimiter.retryAfterMs(client, user.email);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return sendHtml(c, passwordPage(c, user, { errors: { current: lockedMessage(wait) } }), 429);
    }
    try {
      const renewed = await changePassword(deps, user, {
        current: text(body, 'current'),
        next: text(body, 'password'),
      });
      setSessionCookies(c, deps, renewed.sessionId, renewed.csrfToken);
      // The new password voids the old device token (device-cookie.ts); this browser gets a new one.
      const hash = await storedPasswordHash(deps, user.email);
      if (hash) setDeviceCookie(c, deps.config, hash, user.email);
      return c.redirect('/admin/account?done=1', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      if (err.field === 'current') deps.loginLimiter.recordFailure(client, user.email);
      return sendHtml(c, passwordPage(c, user, { errors: { [err.field]: err.message } }), 400);
    }
  });

  return app;
}
