import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { actionsFor } from '../actions/context.ts';
import { recordOutcome } from '../actions/record-outcome.ts';
import { signUp } from '../actions/signup.ts';
import type { AppDeps, AppEnv } from '../app.ts';
import { type Campaign, contentIn } from '../campaigns/campaign.ts';
import { listLiveCampaigns } from '../campaigns/campaigns.ts';
import { CHANNELS, type Channel, OUTCOMES, type Outcome } from '../domain.ts';
import { addressMessage } from '../geocode/messages.ts';
import { lookupAddress } from '../geocode/resolve-address.ts';
import { clientKeyerFor } from '../http/client-key.ts';
import { type CsrfEnv, csrfProtection } from '../http/csrf.ts';
import type { ErrorPageRenderer } from '../http/error-handler.tsx';
import { HttpError } from '../http/errors.ts';
import { RateLimiter, rateLimit } from '../http/rate-limit.ts';
import type { LookupResult } from '../officials/types.ts';
import { loadAssets } from './assets.ts';
import { buildLink, type PageContext, pageContext } from './context.ts';
import { cleanDetails, type DetailField, type SupporterDetails } from './fill.ts';
import { isLanguage, translator } from './i18n/index.ts';
import { lookupPlace, type Place, parsePlace, placeParams, reportDivision } from './location.ts';
import { addressFormFor, type OfficialsStepDeps, officialsStep } from './officials-step.tsx';
import type { AddressForm } from './pages/address-form.tsx';
import { CampaignPage } from './pages/campaign.tsx';
import { ChoosePage } from './pages/choose.tsx';
import { DonePage, type SignupState } from './pages/done.tsx';
import { ErrorPage } from './pages/error.tsx';
import { HomePage } from './pages/home.tsx';
import { cardAnchor } from './pages/official-card.tsx';
import { formatReported, parseReported } from './reported.ts';
import { sendAsset, sendHtml } from './respond.ts';

type WebEnv = AppEnv & CsrfEnv;

const EMPTY_DETAILS: SupporterDetails = { name: '', role: '', organization: '', community: '', city: '' };
/** The largest supporter form body: the details form with every field full is under 3 KB. */
const MAX_FORM_BYTES = 16 * 1024;
/** How long the home page's list of live campaigns is reused. */
const LIST_TTL_MS = 5000;

const fieldsOf = (query: URLSearchParams | Record<string, unknown>): URLSearchParams => {
  if (query instanceof URLSearchParams) return query;
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string') out.set(k, v);
  return out;
};

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

  // Filling in the message renders a whole page for each POST: generous for a person, a limit for a script.
  const fillLimit = rateLimit({
    limiter: new RateLimiter({ limit: 60, windowMs: 10 * 60 * 1000, clock: deps.clock }),
    key: (c) => keyer.keyOf(c),
    message: 'You have sent this form many times in a short time. Please wait a little and try again.',
  });

  // Each address lookup may cost a call to the geocoding provider: a budget of its own per client.
  const addressLimit = rateLimit({
    limiter: new RateLimiter({ limit: 20, windowMs: 10 * 60 * 1000, clock: deps.clock }),
    key: (c) => keyer.keyOf(c),
    message: 'You have looked up many addresses in a short time. Please wait a little and try again.',
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
  // Steps with forms that POST carry a CSRF token (double-submit cookie).
  app.use('/c/:slug/*', csrfProtection(deps.config));

  const stepDeps: OfficialsStepDeps = {
    directory: deps.directory,
    geocoder: deps.geocoder,
    count: (campaign) =>
      actions.counts
        .get(campaign)
        .then((counts) => counts.total)
        .catch(() => null),
  };

  /** The officials step: the choice for an ambiguous place, or the cards with filled texts. */
  async function officialsPage(
    c: Context<WebEnv>,
    input: { details: SupporterDetails; detailErrors: DetailField[]; reported: string | null | undefined },
  ): Promise<Response> {
    const campaign = await publicCampaign(c.req.param('slug') ?? '');
    const ctx = ctxOf(c, c.get('csrfToken'));
    const step = await officialsStep(stepDeps, { ctx, campaign, query: new URL(c.req.url).searchParams, ...input });
    return sendHtml(c, step.page, step.status);
  }

  app.get('/c/:slug/officials', (c) =>
    officialsPage(c, { details: EMPTY_DETAILS, detailErrors: [], reported: c.req.query('r') }),
  );

  // Without JavaScript, "fill in my message" posts the details and gets the same page back with
  // the texts filled in. Nothing is stored, logged or put in a URL.
  app.post('/c/:slug/officials', fillLimit, async (c) => {
    const body = await c.req.parseBody();
    const { details, tooLong } = cleanDetails(body);
    const reported = typeof body.r === 'string' ? body.r : null;
    return officialsPage(c, { details, detailErrors: tooLong, reported });
  });

  // The street address step: used for one lookup, never put in a URL, stored or logged. A match
  // redirects to the officials step with only the districts in the link; anything else shows the
  // ZIP's candidates again with the reason, so the supporter can still choose.
  app.post('/c/:slug/address', addressLimit, async (c) => {
    const campaign = await publicCampaign(c.req.param('slug'));
    const ctx = ctxOf(c, c.get('csrfToken'));
    const { lang: contentLang, content } = contentIn(campaign, ctx.lang);
    const fields = fieldsOf(await c.req.parseBody());
    const zip = /^\d{5}$/.test(fields.get('zip') ?? '') ? fields.get('zip')! : null;
    const typed = (fields.get('address') ?? '').slice(0, 400);
    const base = `/c/${campaign.slug}`;
    const place: Place = { zip, state: null, district: null, lat: null, lon: null };
    const choose = (result: LookupResult, notice: string | null, form: Partial<Parameters<typeof AddressForm>[0]>) =>
      sendHtml(
        c,
        <ChoosePage
          ctx={ctx}
          campaign={campaign}
          content={content}
          contentLang={contentLang}
          place={place}
          result={result}
          notice={notice}
          extra={addressFormFor(deps, ctx, campaign.slug, zip, form)}
        />,
      );
    const again = (notice: string | null, form: Partial<Parameters<typeof AddressForm>[0]> = {}) => {
      const byZip = zip ? deps.directory.lookupZip(zip) : null;
      if (byZip) return choose(byZip, notice, form);
      return sendHtml(
        c,
        <CampaignPage ctx={ctx} campaign={campaign} locationError={notice ?? form.error ?? ''} />,
        400,
      );
    };
    // The ZIP the supporter already gave helps the geocoder when the address leaves it out.
    const address = zip && !/\b\d{5}(-\d{4})?\s*$/.test(typed.trim()) ? `${typed.trim()}, ${zip}` : typed;
    let answer: Awaited<ReturnType<typeof lookupAddress>>;
    try {
      answer = await lookupAddress(address, deps);
    } catch (err) {
      if (err instanceof HttpError && err.status === 400) return again(null, { error: ctx.t('address.invalid') });
      throw err;
    }
    if (answer.status === 'matched' && answer.place) {
      const { district, upper, lower } = answer.place;
      return c.redirect(ctx.link(`${base}/officials`, { zip, district, sldu: upper, sldl: lower }), 303);
    }
    if (answer.status === 'matched' && answer.result) return choose(answer.result, null, {});
    const notice = addressMessage(ctx.lang, {
      status: answer.status,
      zip: answer.zip ?? zip,
      fallback: answer.fallback === 'zip',
    });
    if (answer.fallback === 'zip' && answer.result) return choose(answer.result, notice, { choices: answer.choices });
    return again(notice, { choices: answer.choices });
  });

  app.post('/c/:slug/outcomes', limit, async (c) => {
    const slug = c.req.param('slug');
    const ctx = ctxOf(c, c.get('csrfToken'));
    const body = await c.req.parseBody();
    const fields = fieldsOf(body);
    const [outcome, channel] = (fields.get('result') ?? '').split('.');
    const target = fields.get('target') ?? '';
    if (!OUTCOMES.includes(outcome as Outcome) || !CHANNELS.includes(channel as Channel)) {
      throw new HttpError(400, 'invalid_outcome', 'Choose one of the outcome buttons.');
    }
    const parsed = parsePlace(fields);
    if (!parsed.ok)
      throw new HttpError(400, 'invalid_place', 'The form lost track of your location. Please start again.');
    const division = reportDivision(lookupPlace(deps.directory, parsed.place, deps.geocoder));
    await recordOutcome(actions, {
      campaignSlug: slug,
      clientKey: keyer.keyOf(c),
      report: { target, channel, outcome, state: division.state, district: division.district, language: ctx.lang },
    });
    const reported = parseReported(fields.get('r'));
    reported.set(target, outcome as Outcome);
    const next = new URL(
      ctx.link(`/c/${slug}/officials`, { ...placeParams(parsed.place), r: formatReported(reported) }),
      'http://voz.invalid',
    );
    next.hash = cardAnchor(target);
    return c.redirect(next.pathname + next.search + next.hash, 303);
  });

  async function donePage(c: Context<WebEnv>, signup: SignupState, status: 200 | 400 = 200): Promise<Response> {
    const campaign = await publicCampaign(c.req.param('slug') ?? '');
    const ctx = ctxOf(c, c.get('csrfToken'));
    const { lang: contentLang, content } = contentIn(campaign, ctx.lang);
    const parsed = parsePlace(new URL(c.req.url).searchParams);
    const place: Place = parsed.ok ? parsed.place : { zip: null, state: null, district: null, lat: null, lon: null };
    const page = (
      <DonePage
        ctx={ctx}
        campaign={campaign}
        content={content}
        contentLang={contentLang}
        place={place}
        signup={signup}
      />
    );
    return sendHtml(c, page, status);
  }

  app.get('/c/:slug/done', (c) =>
    donePage(c, {
      signedUp: c.req.query('signed') === '1',
      values: { name: '', email: '', zip: c.req.query('zip') ?? '' },
      errors: {},
    }),
  );

  app.post('/c/:slug/signup', limit, async (c) => {
    const slug = c.req.param('slug');
    const ctx = ctxOf(c, c.get('csrfToken'));
    const fields = fieldsOf(await c.req.parseBody());
    const consentLang = fields.get('consent_lang');
    const input = {
      name: fields.get('name') ?? '',
      email: fields.get('email') ?? '',
      zip: fields.get('zip') ?? '',
      consent: fields.get('consent') ?? '',
    };
    try {
      await signUp(actions, {
        campaignSlug: slug,
        input,
        consentText: translator(isLanguage(consentLang) ? consentLang : ctx.lang)('done.signupConsent'),
      });
    } catch (err) {
      if (err instanceof HttpError && err.code === 'invalid_signup') {
        const values = { name: input.name.slice(0, 100), email: input.email.slice(0, 254), zip: input.zip.slice(0, 5) };
        return donePage(c, { signedUp: false, values, errors: err.fields }, 400);
      }
      throw err;
    }
    const parsed = parsePlace(new URL(c.req.url).searchParams);
    return c.redirect(ctx.link(`/c/${slug}/done`, { ...(parsed.ok ? placeParams(parsed.place) : {}), signed: 1 }), 303);
  });

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
