import { Hono } from 'hono';
import { actionsFor } from '../actions/context.ts';
import { findCampaign } from '../campaigns/campaigns.ts';
import { HttpError } from '../http/errors.ts';
import { loadAssets } from '../web/assets.ts';
import { pageContext } from '../web/context.ts';
import { attemptsCounter, type OfficialsStepDeps, officialsStep } from '../web/officials-step.tsx';
import { CampaignPage } from '../web/pages/campaign.tsx';
import { CONTENT_SECURITY_POLICY, sendHtml } from '../web/respond.ts';
import type { AdminDeps, AdminEnv } from './env.ts';

/**
 * "Preview as a supporter": the supporter's own officials step (src/web/officials-step.tsx), for
 * any campaign (drafts too) and any place, so the preview shows exactly what a supporter sees. It
 * is inert: its Content-Security-Policy forbids form submissions and fetches, so reporting an
 * outcome from a preview can never count as a real action.
 */
export const PREVIEW_CSP = CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'none'").replace(
  "connect-src 'self'",
  "connect-src 'none'",
);

const EMPTY_DETAILS = { name: '', role: '', organization: '', community: '', city: '' };
const PLACE_KEYS = ['zip', 'state', 'district', 'near', 'lat', 'lon'];

export function previewRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const actions = actionsFor(deps.appDeps);
  const stepDeps: OfficialsStepDeps = {
    directory: deps.directory,
    geocoder: deps.geocoder,
    count: attemptsCounter(actions),
  };

  app.get('/admin/campaigns/:id/preview', async (c) => {
    const id = Number(c.req.param('id'));
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(deps.db, id) : null;
    if (!campaign) throw new HttpError(404, 'campaign_not_found', 'There is no campaign with this number.');
    const ctx = pageContext(c, {
      assets: loadAssets(),
      vintage: deps.directory.status.vintage,
      now: deps.clock.now(),
      publicUrl: deps.config.publicUrl,
    });
    const query = new URL(c.req.url).searchParams;
    // Without a place the preview opens on the campaign page, as a supporter's visit does.
    const step = PLACE_KEYS.some((key) => query.has(key))
      ? await officialsStep(stepDeps, {
          ctx,
          campaign,
          query,
          details: EMPTY_DETAILS,
          detailErrors: [],
          reported: null,
        })
      : { page: <CampaignPage ctx={ctx} campaign={campaign} />, status: 200 as const };
    const res = await sendHtml(c, step.page, step.status);
    res.headers.set('Content-Security-Policy', PREVIEW_CSP);
    res.headers.set('X-Robots-Tag', 'noindex');
    return res;
  });

  return app;
}
