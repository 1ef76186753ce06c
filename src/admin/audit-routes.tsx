import { Hono } from 'hono';
import { findCampaign } from '../campaigns/campaigns.ts';
import { HttpError } from '../http/errors.ts';
import { sendHtml } from '../web/respond.ts';
import { ACCOUNT_ACTION_PREFIXES, findAudit, listAudit } from './audit-repository.ts';
import { AuditList, ChangesTable } from './audit-views.tsx';
import { campaignTitle } from './editor-page.tsx';
import type { AdminDeps, AdminEnv } from './env.ts';
import { AdminLayout } from './layout.tsx';
import { canViewAccountActivity, canViewAudit } from './permissions.ts';
import { currentUser, requirePermission } from './session.ts';

/** One audit entry with its old and new values, and the owners' account activity. */
export const isAccountAction = (action: string): boolean => ACCOUNT_ACTION_PREFIXES.some((p) => action.startsWith(p));

export function auditRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/admin/activity', async (c) => {
    const user = currentUser(c);
    requirePermission(canViewAccountActivity(user));
    const entries = await listAudit(deps.db, { accounts: true, limit: 200 });
    return sendHtml(
      c,
      <AdminLayout title="Account activity" user={user} csrf={c.get('csrfToken')}>
        <h1>Account activity</h1>
        <p>Invitations, joins, role changes, removals and password changes, newest first.</p>
        {entries.length === 0 ? (
          <p>Nothing recorded yet.</p>
        ) : (
          <AuditList entries={entries} caption="Who did what to which account" />
        )}
      </AdminLayout>,
    );
  });

  app.get('/admin/audit/:id', async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const entry = Number.isSafeInteger(id) && id > 0 ? await findAudit(deps.db, id) : null;
    if (!entry) throw new HttpError(404, 'audit_not_found', 'There is no change history entry with this number.');
    requirePermission(isAccountAction(entry.action) ? canViewAccountActivity(user) : canViewAudit(user));
    const campaign = entry.campaignId === null ? null : await findCampaign(deps.db, entry.campaignId);
    const back = campaign
      ? { href: `/admin/campaigns/${campaign.id}`, label: `Back to “${campaignTitle(campaign)}”` }
      : { href: '/admin/activity', label: 'Back to account activity' };
    return sendHtml(
      c,
      <AdminLayout title="What changed" user={user} csrf={c.get('csrfToken')}>
        <h1>What changed</h1>
        <p>
          {entry.at.slice(0, 16).replace('T', ' ')} UTC · {entry.userEmail} · <strong>{entry.action}</strong>:{' '}
          {entry.summary}
        </p>
        {entry.changes.length > 0 ? <ChangesTable entry={entry} /> : <p>No field values were recorded.</p>}
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      </AdminLayout>,
    );
  });

  return app;
}
