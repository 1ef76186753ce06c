import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { campaignActions, formatSignups, writeActions } from '../actions/export.ts';
import { listSignups } from '../actions/signup-repository.ts';
import { targetDescriber } from '../actions/target-names.ts';
import { findCampaign } from '../campaigns/campaigns.ts';
import { HttpError } from '../http/errors.ts';
import { insertAudit } from './audit-repository.ts';
import type { AdminDeps, AdminEnv } from './env.ts';
import { canExportActions, canExportSupporters } from './permissions.ts';
import { currentUser, requirePermission } from './session.ts';

/**
 * CSV downloads. Actions hold nothing about supporters and any role may export them; opted-in
 * supporters are personal data, so only owners may, and each export is written to the audit log.
 */
export function exportRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  const load = async (idParam: string) => {
    const id = Number(idParam);
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(deps.db, id) : null;
    if (!campaign) throw new HttpError(404, 'campaign_not_found', 'There is no campaign with this number.');
    return campaign;
  };
  const headers = (filename: string) => ({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });

  app.get('/admin/campaigns/:id/actions.csv', async (c) => {
    requirePermission(canExportActions(currentUser(c)));
    const campaign = await load(c.req.param('id'));
    for (const [k, v] of Object.entries(headers(`${campaign.slug}-actions.csv`))) c.header(k, v);
    // Streamed page by page: a large campaign never sits in memory whole.
    return stream(c, async (out) => {
      await writeActions(
        campaignActions(deps.dbHandle, campaign.id),
        'csv',
        (chunk) => out.write(chunk).then(() => {}),
        targetDescriber(campaign, deps.directory),
      );
    });
  });

  app.get('/admin/campaigns/:id/supporters.csv', async (c) => {
    const user = currentUser(c);
    requirePermission(canExportSupporters(user));
    const campaign = await load(c.req.param('id'));
    const signups = await listSignups(deps.db, { campaignId: campaign.id });
    await insertAudit(deps.db, {
      user,
      action: 'supporters.export',
      campaignId: campaign.id,
      summary: `${signups.length} opted-in supporters exported`,
      at: deps.clock.now(),
    });
    return c.body(formatSignups(signups, 'csv'), 200, headers(`${campaign.slug}-supporters.csv`));
  });

  return app;
}
