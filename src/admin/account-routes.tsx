import { Hono } from 'hono';
import { HttpError } from '../http/errors.ts';
import { sendHtml } from '../web/respond.ts';
import { listOpenInvitations, listUsers } from './account-repository.ts';
import { AccountError, changeAccess, changePassword, invite } from './accounts.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import { AdminLayout, CsrfField, Field, text } from './layout.tsx';
import { canInvite } from './permissions.ts';
import { currentUser, requirePermission } from './session.ts';
import { isUserRole, USER_ROLES } from './user.ts';

/** The signed-in organizer's own account, and (for owners) the people who can sign in. */
export function accountRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

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
    try {
      await changePassword(deps, user, {
        current: text(body, 'current'),
        next: text(body, 'password'),
        sessionId: c.get('sessionId') ?? '',
      });
      return c.redirect('/admin/account?done=1', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return sendHtml(c, passwordPage(c, user, { errors: { [err.field]: err.message } }), 400);
    }
  });

  const peoplePage = async (
    c: { get: (k: 'csrfToken') => string },
    user: ReturnType<typeof currentUser>,
    state: { link?: string; email?: string; role?: string; errors?: Record<string, string> },
  ) => {
    const [users, invitations] = await Promise.all([
      listUsers(deps.db),
      listOpenInvitations(deps.db, deps.clock.now()),
    ]);
    return (
      <AdminLayout title="People" user={user} csrf={c.get('csrfToken')}>
        <h1>People</h1>
        {state.link ? (
          <div class="notice" role="status">
            <p>
              Invitation created. Send this link to the person; it works once, for seven days, and is shown only now:
            </p>
            <p>
              <code>{state.link}</code>
            </p>
          </div>
        ) : null}
        <table>
          <caption>Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Change access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>
                  {u.id === user.id ? (
                    'you'
                  ) : (
                    <form method="post" action={`/admin/users/${u.id}/access`} class="actions-row">
                      <CsrfField token={c.get('csrfToken')} />
                      <label for={`access-${u.id}`} class="inline">
                        Access for {u.email}
                      </label>
                      <select id={`access-${u.id}`} name="access">
                        {USER_ROLES.map((r) => (
                          <option value={r} selected={u.role === r}>
                            {r}
                          </option>
                        ))}
                        <option value="remove">remove access</option>
                      </select>
                      <button type="submit">Apply</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {state.errors?.access ? (
          <p class="alert" role="alert">
            {state.errors.access}
          </p>
        ) : null}
        {invitations.length > 0 ? (
          <>
            <h2>Open invitations</h2>
            <ul>
              {invitations.map((i) => (
                <li>
                  {i.email} as {i.role}, until {i.expiresAt.slice(0, 10)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>Invite someone</h2>
        <form method="post" action="/admin/invitations">
          <CsrfField token={c.get('csrfToken')} />
          <Field
            name="email"
            label="Email"
            type="email"
            required
            value={state.email ?? ''}
            error={state.errors?.email}
          />
          <label for="f-role">Role</label>
          <select id="f-role" name="role">
            {USER_ROLES.map((r) => (
              <option value={r} selected={(state.role ?? 'editor') === r}>
                {r}
              </option>
            ))}
          </select>
          <p class="hint">Owners manage people and supporter data; editors write campaigns; viewers see results.</p>
          <p>
            <button type="submit">Create invitation link</button>
          </p>
        </form>
      </AdminLayout>
    );
  };

  app.get('/admin/users', async (c) => {
    const user = currentUser(c);
    requirePermission(canInvite(user));
    return sendHtml(c, await peoplePage(c, user, {}));
  });

  app.post('/admin/users/:id/access', async (c) => {
    const user = currentUser(c);
    requirePermission(canInvite(user));
    const access = text(await c.req.parseBody(), 'access');
    const role = access === 'remove' ? null : isUserRole(access) ? access : undefined;
    if (role === undefined) throw new HttpError(400, 'invalid_role', 'Choose owner, editor, viewer or remove access.');
    try {
      await changeAccess(deps, user, Number(c.req.param('id')), role);
      return c.redirect('/admin/users', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return sendHtml(c, await peoplePage(c, user, { errors: { access: err.message } }), 400);
    }
  });

  app.post('/admin/invitations', async (c) => {
    const user = currentUser(c);
    requirePermission(canInvite(user));
    const body = await c.req.parseBody();
    const email = text(body, 'email');
    const role = text(body, 'role');
    if (!isUserRole(role))
      return sendHtml(c, await peoplePage(c, user, { email, errors: { email: 'Choose a role.' } }), 400);
    try {
      const { token } = await invite(deps, user, { email, role });
      const link = new URL(`/admin/invitations/${token}`, deps.config.publicUrl).toString();
      return sendHtml(c, await peoplePage(c, user, { link }), 201);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return sendHtml(c, await peoplePage(c, user, { email, role, errors: { email: err.message } }), 400);
    }
  });

  return app;
}
