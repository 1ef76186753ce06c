import { Hono } from 'hono';
import type { Campaign } from '../campaigns/campaign.ts';
import { campaignInputFromForm, campaignToForm } from '../campaigns/campaign-form.ts';
import {
  closeCampaign,
  createCampaign,
  findCampaign,
  listAllCampaigns,
  publishCampaign,
  unpublishCampaign,
  updateCampaign,
} from '../campaigns/campaigns.ts';
import { HttpError } from '../http/errors.ts';
import { CONTENT_SECURITY_POLICY, sendHtml } from '../web/respond.ts';
import { describeChanges, describeCreation } from './audit.ts';
import { insertAudit, listAudit } from './audit-repository.ts';
import type { FormValues } from './campaign-editor.tsx';
import { CampaignOverview } from './campaign-page.tsx';
import { DashboardBody, dashboardEtag } from './dashboard.tsx';
import { describeConflict } from './edit-conflict.tsx';
import { EditorPage, editTitle, formValues } from './editor-page.tsx';
import type { AdminDeps, AdminEnv } from './env.ts';
import { AdminLayout } from './layout.tsx';
import { canCreateCampaign, canEditCampaign, canPublishCampaign } from './permissions.ts';
import { readDashboard } from './read-dashboard.ts';
import { currentUser, requirePermission } from './session.ts';
import type { FieldChange } from './user.ts';

/** The campaign list, editor, status changes and each campaign's page with its live dashboard. */

const STATUS_ACTIONS = {
  live: { verb: 'campaign.publish', run: publishCampaign },
  closed: { verb: 'campaign.close', run: closeCampaign },
  draft: { verb: 'campaign.unpublish', run: unpublishCampaign },
} as const;

export function campaignRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const loadCampaign = async (idParam: string): Promise<Campaign> => {
    const id = Number(idParam);
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(deps.db, id) : null;
    if (!campaign) throw new HttpError(404, 'campaign_not_found', 'There is no campaign with this number.');
    return campaign;
  };
  const audit = (
    user: ReturnType<typeof currentUser>,
    action: string,
    campaignId: number,
    what: { summary: string; changes: FieldChange[] },
  ) => insertAudit(deps.db, { user, action, campaignId, ...what, at: deps.clock.now() });

  app.get('/admin/campaigns', async (c) => {
    const user = currentUser(c);
    const campaigns = await listAllCampaigns(deps.db);
    return sendHtml(
      c,
      <AdminLayout title="Campaigns" user={user} csrf={c.get('csrfToken')}>
        <h1>Campaigns</h1>
        {canCreateCampaign(user) ? (
          <p>
            <a class="button" href="/admin/campaigns/new">
              New campaign
            </a>
          </p>
        ) : null}
        {campaigns.length === 0 ? (
          <p>No campaigns yet.</p>
        ) : (
          <table>
            <caption>All campaigns, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr>
                  <td>
                    <a href={`/admin/campaigns/${campaign.id}`}>
                      {campaign.content[campaign.defaultLanguage]?.title ?? campaign.slug}
                    </a>
                  </td>
                  <td>
                    <span class="status">{campaign.status}</span>
                  </td>
                  <td>{campaign.date}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AdminLayout>,
    );
  });

  const editorPage = (
    c: { get: (k: 'csrfToken') => string },
    user: ReturnType<typeof currentUser>,
    opts: { title: string; action: string; values: FormValues; errors?: Record<string, string>; preview?: boolean },
  ) => <EditorPage user={user} csrf={c.get('csrfToken')} {...opts} />;

  app.get('/admin/campaigns/new', (c) => {
    const user = currentUser(c);
    requirePermission(canCreateCampaign(user));
    const values: FormValues = {
      status: 'draft',
      date: deps.clock.now().toISOString().slice(0, 10),
      defaultLanguage: 'en',
      targets: ['president', 'senators', 'representative'],
    };
    return sendHtml(c, editorPage(c, user, { title: 'New campaign', action: '/admin/campaigns', values }));
  });

  app.post('/admin/campaigns', async (c) => {
    const user = currentUser(c);
    requirePermission(canCreateCampaign(user));
    const body = await c.req.parseBody({ all: true });
    const values = formValues(body);
    const page = { title: 'New campaign', action: '/admin/campaigns', values };
    if (body.intent === 'preview') return sendHtml(c, editorPage(c, user, { ...page, preview: true }));
    const result = await createCampaign(deps.db, campaignInputFromForm(values), deps.clock);
    if (!result.ok) return sendHtml(c, editorPage(c, user, { ...page, errors: result.errors }), 400);
    await audit(user, 'campaign.create', result.campaign.id, describeCreation(result.campaign));
    return c.redirect(`/admin/campaigns/${result.campaign.id}`, 303);
  });

  app.get('/admin/campaigns/:id/edit', async (c) => {
    const user = currentUser(c);
    const campaign = await loadCampaign(c.req.param('id'));
    requirePermission(canEditCampaign(user, campaign));
    return sendHtml(
      c,
      editorPage(c, user, {
        title: editTitle(campaign),
        action: `/admin/campaigns/${campaign.id}`,
        values: { ...campaignToForm(campaign), version: String(campaign.version) },
      }),
    );
  });

  app.post('/admin/campaigns/:id', async (c) => {
    const user = currentUser(c);
    const before = await loadCampaign(c.req.param('id'));
    requirePermission(canEditCampaign(user, before));
    const body = await c.req.parseBody({ all: true });
    const values = formValues(body);
    const page = {
      title: editTitle(before),
      action: `/admin/campaigns/${before.id}`,
      values,
    };
    if (body.intent === 'preview') return sendHtml(c, editorPage(c, user, { ...page, preview: true }));
    // The version the editor opened; a form without one (an older page) saves as before.
    const opened = /^\d{1,9}$/.test(String(values.version ?? '')) ? Number(values.version) : undefined;
    const result = await updateCampaign(deps.db, before.id, campaignInputFromForm(values), deps.clock, opened);
    if (!result) throw new HttpError(404, 'campaign_not_found', 'There is no campaign with this number.');
    if (!result.ok && 'conflict' in result) {
      const current = result.conflict;
      const kept = { ...values, version: String(current.version) };
      const conflict = describeConflict(current, values);
      return sendHtml(
        c,
        <EditorPage user={user} csrf={c.get('csrfToken')} {...page} values={kept} conflict={conflict} />,
        409,
      );
    }
    if (!result.ok) return sendHtml(c, editorPage(c, user, { ...page, errors: result.errors }), 400);
    await audit(user, 'campaign.update', before.id, describeChanges(before, result.campaign));
    return c.redirect(`/admin/campaigns/${before.id}?saved=1`, 303);
  });

  app.post('/admin/campaigns/:id/status', async (c) => {
    const user = currentUser(c);
    const campaign = await loadCampaign(c.req.param('id'));
    requirePermission(canPublishCampaign(user, campaign));
    const status = (await c.req.parseBody()).status;
    if (status !== 'live' && status !== 'closed' && status !== 'draft') {
      throw new HttpError(400, 'invalid_status', 'Choose draft, live or closed.');
    }
    const action = STATUS_ACTIONS[status];
    await action.run(deps.db, campaign.id, deps.clock);
    await audit(user, action.verb, campaign.id, {
      summary: `status: ${campaign.status} → ${status}`,
      changes: [{ field: 'status', before: campaign.status, after: status }],
    });
    return c.redirect(`/admin/campaigns/${campaign.id}`, 303);
  });

  app.get('/admin/campaigns/:id/dashboard', async (c) => {
    const campaign = await loadCampaign(c.req.param('id'));
    const data = await readDashboard(deps, campaign);
    const etag = dashboardEtag(data);
    const headers = {
      ETag: etag,
      'Cache-Control': 'private, no-cache',
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(String(<DashboardBody data={data} />), 200, headers);
  });

  app.get('/admin/campaigns/:id', async (c) => {
    const user = currentUser(c);
    const campaign = await loadCampaign(c.req.param('id'));
    const [data, trail] = await Promise.all([
      readDashboard(deps, campaign),
      listAudit(deps.db, { campaignId: campaign.id, limit: 50 }),
    ]);
    const publicUrl = new URL(`/c/${campaign.slug}`, deps.config.publicUrl).toString();
    return sendHtml(
      c,
      <CampaignOverview
        user={user}
        csrf={c.get('csrfToken')}
        campaign={campaign}
        data={data}
        trail={trail}
        publicUrl={publicUrl}
        saved={c.req.query('saved') === '1'}
      />,
    );
  });

  return app;
}
