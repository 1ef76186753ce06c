import { Hono } from 'hono';
import { HttpError } from '../http/errors.ts';
import { sendHtml } from '../web/respond.ts';
import { listOpenInvitations, listUsers } from './account-repository.ts';
import { AccountError, changeAccess } from './accounts.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import { invite, revokeInvitation } from './invitations.ts';
import { AdminLayout, CsrfField, Field, text } from './layout.tsx';
import { canInvite } from './permissions.ts';
import { currentUser, requirePermission } from './session.ts';
import { isUserRole, USER_ROLES } from './user.ts';

/** For owners: the people who can sign in, their roles, and invitations (open ones, and revoking them). */
export function peopleRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const peoplePage = async (
    c: { get: (k: 'csrfToken') => string },
    user: ReturnType<typeof currentUser>,
    state: { link?: string; email?: string; role?: string; notice?: string; errors?: Record<string, string> },
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
        {state.notice ? (
          <p class="notice" role="status">
            {state.notice}
          </p>
        ) : null}
        {invitations.length > 0 ? (
          <table>
            <caption>Open invitations</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Link works until (UTC)</th>
                <th scope="col">Withdraw</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr>
                  <td>{i.email}</td>
                  <td>{i.role}</td>
                  <td>{i.expiresAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>
                    <form method="post" action={`/admin/invitations/${i.id}/revoke`}>
                      <CsrfField token={c.get('csrfToken')} />
                      <button type="submit" aria-label={`Revoke the invitation of ${i.email}`}>
                        Revoke
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
    const notice = c.req.query('revoked') === '1' ? 'Invitation revoked: its link no longer works.' : undefined;
    return sendHtml(c, await peoplePage(c, user, notice ? { notice } : {}));
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
      const { token, replaced } = await invite(deps, user, { email, role });
      const link = new URL(`/admin/invitations/${token}`, deps.config.publicUrl).toString();
      const notice =
        replaced.length > 0
          ? `This replaces the open invitation of ${replaced[0]!.email} as ${replaced.map((i) => i.role).join(', ')}: that link no longer works.`
          : undefined;
      return sendHtml(c, await peoplePage(c, user, { link, ...(notice ? { notice } : {}) }), 201);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return sendHtml(c, await peoplePage(c, user, { email, role, errors: { email: err.message } }), 400);
    }
  });

  app.post('/admin/invitations/:id/revoke', async (c) => {
    const user = currentUser(c);
    requirePermission(canInvite(user));
    const id = Number(c.req.param('id'));
    const revoked = Number.isSafeInteger(id) && id > 0 && (await revokeInvitation(deps, user, id));
    if (!revoked) {
      throw new HttpError(
        404,
        'invitation_not_found',
        'There is no open invitation with this number: it was accepted, revoked or has expired.',
      );
    }
    return c.redirect('/admin/users?revoked=1', 303);
  });

  return app;
}
