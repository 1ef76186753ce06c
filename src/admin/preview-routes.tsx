import { type Context, Hono } from 'hono';
import { actionsFor } from '../actions/context.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { campaignInputFromForm } from '../campaigns/campaign-form.ts';
import { validateCampaignInput } from '../campaigns/campaign-input.ts';
import { findCampaign } from '../campaigns/campaigns.ts';
import { type Language, OUTCOMES, type Outcome } from '../domain.ts';
import { addressWithZip, matchedPlaceQuery } from '../geocode/place-query.ts';
import { lookupAddress } from '../geocode/resolve-address.ts';
import { HttpError } from '../http/errors.ts';
import { loadAssets } from '../web/assets.ts';
import { buildLink, pageContext } from '../web/context.ts';
import { translator } from '../web/i18n/index.ts';
import { attemptsCounter, type OfficialsStepDeps, officialsStep } from '../web/officials-step.tsx';
import { CampaignPage } from '../web/pages/campaign.tsx';
import { formatReported, parseReported } from '../web/reported.ts';
import { CONTENT_SECURITY_POLICY, sendHtml } from '../web/respond.ts';
import { EditorPage, editTitle, formValues } from './editor-page.tsx';
import type { AdminDeps, AdminEnv } from './env.ts';
import { canCreateCampaign, canEditCampaign } from './permissions.ts';
import { previewLinks, previewPath } from './preview-links.ts';
import { currentUser, requirePermission } from './session.ts';

/**
 * "Preview as a supporter": the supporter's own officials step (src/web/officials-step.tsx), for
 * any campaign (drafts too) and any place, so the preview shows exactly what a supporter sees.
 * Every link and form of the step points back into the preview (preview-links.ts), and its
 * outcome buttons post to a route here that records nothing. The Content-Security-Policy forbids
 * fetches, so the page script's report to the actions API cannot count either.
 */
export const PREVIEW_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'none'");

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

  const loadCampaign = async (idParam: string): Promise<Campaign> => {
    const id = Number(idParam);
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(deps.db, id) : null;
    if (!campaign) throw new HttpError(404, 'campaign_not_found', 'There is no campaign with this number.');
    return campaign;
  };

  /** The step for `campaign` at the place in `query`, or its campaign page without a place. */
  const renderPreview = async (
    c: Context<AdminEnv>,
    campaign: Campaign,
    query: URLSearchParams,
    id: string,
    lang?: Language,
  ) => {
    const asked = pageContext(
      c,
      {
        assets: loadAssets(),
        vintage: deps.directory.status.vintage,
        now: deps.clock.now(),
        publicUrl: deps.config.publicUrl,
      },
      c.get('csrfToken'),
    );
    // A posted preview names its language in the form, not the query.
    const ctx = lang ? { ...asked, lang, explicitLang: true, t: translator(lang) } : asked;
    const linkTo = previewLinks(campaign.slug, id, ctx.explicitLang ? ctx.lang : undefined);
    const step = PLACE_KEYS.some((key) => query.has(key))
      ? await officialsStep(stepDeps, {
          ctx,
          campaign,
          query,
          details: EMPTY_DETAILS,
          detailErrors: [],
          reported: query.get('r'),
          linkTo,
        })
      : { page: <CampaignPage ctx={{ ...ctx, link: linkTo }} campaign={campaign} />, status: 200 as const };
    const res = await sendHtml(c, step.page, step.status);
    res.headers.set('Content-Security-Policy', PREVIEW_CSP);
    res.headers.set('X-Robots-Tag', 'noindex');
    return res;
  };

  app.get('/admin/campaigns/:id/preview', async (c) => {
    const campaign = await loadCampaign(c.req.param('id'));
    return renderPreview(c, campaign, new URL(c.req.url).searchParams, String(campaign.id));
  });

  // An outcome button in the preview: nothing is recorded; the page moves on as a supporter's would.
  app.post('/admin/campaigns/:id/preview/outcomes', async (c) => {
    const campaign = await loadCampaign(c.req.param('id'));
    const body = await c.req.parseBody();
    const fields = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields.set(k, v);
    const [outcome] = (fields.get('result') ?? '').split('.');
    if (!OUTCOMES.includes(outcome as Outcome)) {
      throw new HttpError(400, 'invalid_outcome', 'Choose one of the outcome buttons.');
    }
    const reported = parseReported(fields.get('r'));
    reported.set(fields.get('target') ?? '', outcome as Outcome);
    const params: Record<string, string> = { r: formatReported(reported) };
    for (const key of [...PLACE_KEYS, 'lang']) {
      const value = fields.get(key);
      if (value) params[key] = value;
    }
    return c.redirect(buildLink(previewPath(String(campaign.id)), params), 303);
  });

  // The address form in the preview: looked up as the supporter's is, then back into the preview
  // with only the districts in the link; an address not matched goes back to the ZIP's choices.
  app.post('/admin/campaigns/:id/preview/address', async (c) => {
    const campaign = await loadCampaign(c.req.param('id'));
    const body = await c.req.parseBody();
    const zip = typeof body.zip === 'string' && /^\d{5}$/.test(body.zip) ? body.zip : null;
    const typed = typeof body.address === 'string' ? body.address.slice(0, 400).trim() : '';
    const lang = body.lang === 'es' || body.lang === 'en' ? body.lang : (c.req.query('lang') ?? null);
    const back = (params: Record<string, string | string[] | null>) =>
      c.redirect(buildLink(previewPath(String(campaign.id)), { zip, lang, ...params }), 303);
    if (!typed) return back({});
    const answer = await lookupAddress(addressWithZip(typed, zip), deps).catch((err: unknown) => {
      if (err instanceof HttpError && err.status === 400) return null;
      throw err;
    });
    if (answer?.status === 'matched' && answer.place) {
      return back(matchedPlaceQuery(answer.place, answer.stateLegislators));
    }
    return back({});
  });

  /**
   * The editor's unsaved values as a supporter from a ZIP would see them: validated as a save
   * is (the editor comes back with the same errors), then rendered, and nothing is stored. On a
   * live campaign a save publishes at once, so this is the only way to see an edit first.
   */
  app.post('/admin/campaigns/:id/preview', async (c) => {
    const user = currentUser(c);
    const idParam = c.req.param('id');
    const stored = idParam === 'new' ? null : await loadCampaign(idParam);
    requirePermission(stored ? canEditCampaign(user, stored) : canCreateCampaign(user));
    const body = await c.req.parseBody({ all: true });
    const values = formValues(body);
    const result = await validateCampaignInput(
      deps.db,
      campaignInputFromForm(values),
      stored ? { exceptId: stored.id } : {},
    );
    const zip = typeof body.previewZip === 'string' ? body.previewZip.trim() : '';
    const errors = result.ok ? {} : { ...result.errors };
    if (!/^\d{5}$/.test(zip)) errors.previewZip = 'Type a 5-digit ZIP code to preview from.';
    if (!result.ok || errors.previewZip) {
      const page = (
        <EditorPage
          user={user}
          csrf={c.get('csrfToken')}
          title={editTitle(stored)}
          action={stored ? `/admin/campaigns/${stored.id}` : '/admin/campaigns'}
          values={{ ...values, previewZip: zip }}
          errors={errors}
        />
      );
      return sendHtml(c, page, 400);
    }
    const now = deps.clock.now().toISOString();
    const campaign: Campaign = {
      ...result.campaign,
      id: stored?.id ?? 0,
      createdAt: stored?.createdAt ?? now,
      updatedAt: now,
      version: stored?.version ?? 1,
    };
    const lang = body.previewLang === 'es' || body.previewLang === 'en' ? body.previewLang : campaign.defaultLanguage;
    return renderPreview(c, campaign, new URLSearchParams({ zip }), idParam, lang);
  });

  return app;
}
