import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { actionsFor } from '../actions/context.ts';
import type { AppDeps, AppEnv } from '../app.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { onCampaignChange } from '../campaigns/campaign-changes.ts';
import { listLiveCampaigns } from '../campaigns/campaigns.ts';
import { ADDRESS_BUDGET_MESSAGE, addressLimiterFor } from '../geocode/address-budget.ts';
import { clientKeyerFor } from '../http/client-key.ts';
import { csrfProtection } from '../http/csrf.ts';
import type { ErrorPageRenderer } from '../http/error-handler.tsx';
import { HttpError } from '../http/errors.ts';
import { RateLimiter, rateLimit } from '../http/rate-limit.ts';
import { addressRoute } from './address-route.tsx';
import { loadAssets } from './assets.ts';
import { buildLink, type PageContext, pageContext } from './context.ts';
import { doneRoutes } from './done-routes.tsx';
import { locationRoutes, officialsRoutes } from './officials-routes.tsx';
import { attemptsCounter } from './officials-step.tsx';
import { CampaignPage } from './pages/campaign.tsx';
import { ErrorPage } from './pages/error.tsx';
import { HomePage } from './pages/home.tsx';
import { sendAsset, sendHtml } from './respond.ts';
import type { WebEnv, WebShared } from './web-env.ts';

/** The largest supporter form body: the details form with every field full is under 3 KB. */
const MAX_FORM_BYTES = 16 * 1024;
/** How long the home page's list of live campaigns is reused. */
const LIST_TTL_MS = 5000;

/** Supporter-facing pages: home, the campaign page and its steps. */
export function webPages(deps: AppDeps): Hono<AppEnv> {
  const assets = loadAssets();
  const actions = actionsFor(deps);
  const keyer = clientKeyerFor(deps);
  const app = new Hono<WebEnv>();
  const ctxOf = (c: Context, csrfToken: string | null = null): PageContext =>
    pageContext(
      c,
      { assets, vintage: deps.directory.status.vintage, now: deps.clock.now(), publicUrl: deps.config.publicUrl },
      csrfToken,
    );
  const limit = rateLimit({
    limiter: actions.limiter,
    key: (c) => keyer.keyOf(c),
    message: 'You have sent many reports in a short time. Please wait a little and try again.',
  });

  // Filling in the message and a device location each render or resolve a page for a POST:
  // generous for a person, a limit for a script.
  const renderLimit = rateLimit({
    limiter: new RateLimiter({ limit: 60, windowMs: 10 * 60 * 1000, clock: deps.clock }),
    key: (c) => keyer.keyOf(c),
    message: 'You have sent this form many times in a short time. Please wait a little and try again.',
  });

  // Each address lookup may cost a call to the geocoding provider: a budget per client, shared with the API.
  const addressLimit = rateLimit({
    limiter: addressLimiterFor(deps),
    key: (c) => keyer.keyOf(c),
    message: ADDRESS_BUDGET_MESSAGE,
  });
  let live: { at: number; campaigns: Promise<Campaign[]> } | null = null;
  const liveCampaigns = (): Promise<Campaign[]> => {
    const now = deps.clock.now().getTime();
    if (!live || now - live.at > LIST_TTL_MS) {
      live = { at: now, campaigns: listLiveCampaigns(deps.db.db) };
      live.campaigns.catch(() => {
        live = null;
      });
    }
    return live.campaigns;
  };
  onCampaignChange(deps.db.db, () => (live = null));

  /** Live and closed campaigns are public; a draft is indistinguishable from no campaign. */
  const publicCampaign = async (slug: string): Promise<Campaign> => {
    const campaign = slug.length <= 100 ? await actions.campaigns.find(slug) : null;
    if (!campaign || campaign.status === 'draft') {
      throw new HttpError(404, 'campaign_not_found', 'There is no campaign at this address.');
    }
    return campaign;
  };

  app.get('/assets/*', (c) => {
    const asset = assets.byUrl.get(c.req.path);
    if (!asset) throw new HttpError(404, 'not_found', 'There is no file at this address.');
    return sendAsset(c, asset);
  });

  app.get('/', async (c) => {
    const ctx = ctxOf(c);
    return sendHtml(c, <HomePage ctx={ctx} campaigns={await liveCampaigns()} />, 200, 'public');
  });

  app.get('/c/:slug', async (c) => {
    const campaign = await publicCampaign(c.req.param('slug'));
    return sendHtml(c, <CampaignPage ctx={ctxOf(c)} campaign={campaign} />, 200, 'public');
  });

  // Every supporter form is a few short fields. The limit comes before CSRF, which reads the body
  // to find the token: a 300 MB POST is refused from its Content-Length (or after 16 KB of a
  // chunked body) instead of being read into memory first.
  app.use(
    '/c/:slug/*',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: () => {
        throw new HttpError(413, 'form_too_large', `The form is too large (over ${MAX_FORM_BYTES / 1024} KB).`);
      },
    }),
  );
  const shared: WebShared = {
    deps,
    actions,
    keyer,
    ctxOf,
    publicCampaign,
    stepDeps: {
      directory: deps.directory,
      geocoder: deps.geocoder,
      count: attemptsCounter(actions),
    },
    limits: { reports: limit, renders: renderLimit, addresses: addressLimit },
  };
  // Steps with forms that POST carry a CSRF token (double-submit cookie).
  app.use('/c/:slug/*', csrfProtection(deps.config));
  locationRoutes(app, shared);
  officialsRoutes(app, shared);
  addressRoute(app, shared);
  doneRoutes(app, shared);

  return app as unknown as Hono<AppEnv>;
}

/** Error pages in the site's layout and the supporter's language. */
export function renderErrorPage(deps: AppDeps): ErrorPageRenderer {
  return (c, err) => {
    const ctx = pageContext(c, {
      assets: loadAssets(),
      vintage: deps.directory.status.vintage,
      now: deps.clock.now(),
      publicUrl: deps.config.publicUrl,
    });
    // An error on a campaign's step offers the way back to the campaign (unless it is the campaign that is missing).
    const slug = err.status === 404 ? null : (/^\/c\/([a-z0-9-]{1,100})\/./.exec(ctx.path)?.[1] ?? null);
    // A refused form's address answers only POSTs: the language switch goes to its campaign instead.
    if (c.req.method !== 'GET') {
      ctx.path = slug ? `/c/${slug}` : '/';
      ctx.query = new URLSearchParams(ctx.explicitLang ? { lang: ctx.lang } : {});
    }
    return sendHtml(c, <ErrorPage ctx={ctx} err={err} campaignSlug={slug} />, err.status);
  };
}

export { buildLink };
