import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordOutcome } from '../actions/record-outcome.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { CHANNELS, type Channel, OUTCOMES, type Outcome } from '../domain.ts';
import { HttpError } from '../http/errors.ts';
import type { LookupResult } from '../officials/types.ts';
import type { PageContext } from './context.ts';
import { forgetDetailsCookie, readDetailsCookie, saveDetailsCookie } from './details-cookie.ts';
import { cleanDetails, type DetailField, type SupporterDetails } from './fill.ts';
import {
  lookupPlace,
  parsePlace,
  placeParams,
  placeProblemKey,
  pointLink,
  reportDivision,
  roundCoordinate,
} from './location.ts';
import { officialsStep } from './officials-step.tsx';
import { CampaignPage } from './pages/campaign.tsx';
import { cardAnchor } from './pages/official-card.tsx';
import { formatReported, parseReported } from './reported.ts';
import { sendHtml } from './respond.ts';
import { EMPTY_DETAILS, fieldsOf, type WebEnv, type WebShared } from './web-env.ts';

const pointSchema = z.object({
  lat: z.coerce.number().min(-90).max(90).transform(roundCoordinate),
  lon: z.coerce.number().min(-180).max(180).transform(roundCoordinate),
});

/** The officials step and what posts to it: filling in the message, a device location, an outcome. */
export function officialsRoutes(app: Hono<WebEnv>, shared: WebShared): void {
  const { deps, actions, keyer, stepDeps, limits } = shared;

  async function officialsPage(
    c: Context<WebEnv>,
    input: {
      details: SupporterDetails;
      detailsKept?: boolean;
      detailErrors: DetailField[];
      reported: string | null | undefined;
    },
  ): Promise<Response> {
    const campaign = await shared.publicCampaign(c.req.param('slug') ?? '');
    const ctx = shared.ctxOf(c, c.get('csrfToken'));
    const query = new URL(c.req.url).searchParams;
    const parsed = parsePlace(query);
    if (parsed.ok && parsed.place.lat !== null && parsed.place.lon !== null && !parsed.place.district) {
      return locatedPage(shared, c, campaign, ctx, parsed.place.lat, parsed.place.lon);
    }
    const step = await officialsStep(stepDeps, { ctx, campaign, query, ...input });
    return sendHtml(c, step.page, step.status);
  }

  app.get('/c/:slug/officials', (c) => {
    const kept = readDetailsCookie(c);
    return officialsPage(c, {
      details: kept ?? EMPTY_DETAILS,
      detailsKept: kept !== null,
      detailErrors: [],
      reported: c.req.query('r'),
    });
  });

  // Without JavaScript, "fill in my message" posts the details; the answer is a 303 to the same
  // step, which fills them in from a session cookie (details-cookie.ts), so every later step of
  // the no-JS flow keeps them. Nothing is stored on the server, logged or put in a URL.
  app.post('/c/:slug/officials', limits.renders, async (c) => {
    const slug = c.req.param('slug');
    const campaign = await shared.publicCampaign(slug);
    const ctx = shared.ctxOf(c, c.get('csrfToken'));
    const fields = fieldsOf(await c.req.parseBody({ all: true }));
    const reported = fields.get('r');
    const parsed = parsePlace(new URL(c.req.url).searchParams);
    const back = () => {
      const next = ctx.link(`/c/${campaign.slug}/officials`, {
        ...(parsed.ok ? placeParams(parsed.place) : {}),
        r: reported,
      });
      return c.redirect(`${next}#details`, 303);
    };
    if (fields.has('forget')) {
      forgetDetailsCookie(c, deps.config, campaign.slug);
      return back();
    }
    const { details, tooLong } = cleanDetails(Object.fromEntries(fields));
    // Over-long fields come back at once with their errors, and nothing is kept.
    if (tooLong.length > 0) return officialsPage(c, { details, detailErrors: tooLong, reported });
    saveDetailsCookie(c, deps.config, campaign.slug, details);
    return back();
  });

  app.post('/c/:slug/outcomes', limits.reports, async (c) => {
    const slug = c.req.param('slug');
    const ctx = shared.ctxOf(c, c.get('csrfToken'));
    const fields = fieldsOf(await c.req.parseBody({ all: true }));
    const [outcome, channel] = (fields.get('result') ?? '').split('.');
    const target = fields.get('target') ?? '';
    if (!OUTCOMES.includes(outcome as Outcome) || !CHANNELS.includes(channel as Channel)) {
      throw new HttpError(400, 'invalid_outcome', 'Choose one of the outcome buttons.');
    }
    const parsed = parsePlace(fields);
    if (!parsed.ok) {
      throw new HttpError(400, 'invalid_place', 'The form lost track of your location. Please start again.');
    }
    const result = lookupPlace(deps.directory, parsed.place, deps.geocoder);
    const division = reportDivision(result);
    await recordOutcome(actions, {
      campaignSlug: slug,
      clientKey: keyer.keyOf(c),
      report: { target, channel, outcome, state: division.state, district: division.district, language: ctx.lang },
    });
    const reported = parseReported(fields.get('r'));
    reported.set(target, outcome as Outcome);
    const next = new URL(
      ctx.link(`/c/${slug}/officials`, {
        // A form from before coordinates left the links may still send one: the next link names the district.
        ...(parsed.place.lat !== null ? (pointLink(result) ?? {}) : placeParams(parsed.place)),
        r: formatReported(reported),
      }),
      'http://voz.invalid',
    );
    next.hash = cardAnchor(target);
    return c.redirect(next.pathname + next.search + next.hash, 303);
  });
}

/**
 * A device location, rounded, answered with a link that names only districts: the coordinate
 * never reaches a URL, a hidden field, the browser's history or a proxy's log.
 */
function locatedPage(
  shared: WebShared,
  c: Context<WebEnv>,
  campaign: Campaign,
  ctx: PageContext,
  lat: number,
  lon: number,
) {
  let result: LookupResult;
  try {
    result = shared.deps.directory.lookupPoint(lat, lon);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status >= 500) throw err;
    const page = <CampaignPage ctx={ctx} campaign={campaign} locationError={ctx.t(placeProblemKey(err.code))} />;
    return sendHtml(c, page, 400);
  }
  const link = pointLink(result);
  if (!link) {
    const page = <CampaignPage ctx={ctx} campaign={campaign} locationError={ctx.t('location.outside')} />;
    return sendHtml(c, page, 400);
  }
  return c.redirect(ctx.link(`/c/${campaign.slug}/officials`, link), 303);
}

/**
 * "Use my location" posts the device's coordinate (see client/locate.ts), with the CSRF token
 * like every form. The campaign page it usually starts from is cached for everyone and so carries
 * no token: the script asks this step for one first (GET, JSON, never cached), which sets the
 * token cookie as any step does; another site's page cannot read the answer.
 */
export function locationRoutes(app: Hono<WebEnv>, shared: WebShared): void {
  app.get('/c/:slug/location', async (c) => {
    const campaign = await shared.publicCampaign(c.req.param('slug'));
    if (!/\bapplication\/json\b/.test(c.req.header('accept') ?? '')) {
      return c.redirect(shared.ctxOf(c).link(`/c/${campaign.slug}`), 303);
    }
    return c.json({ csrf: c.get('csrfToken') }, 200, { 'Cache-Control': 'private, no-store' });
  });

  app.post('/c/:slug/location', shared.limits.renders, async (c) => {
    const campaign = await shared.publicCampaign(c.req.param('slug'));
    const ctx = shared.ctxOf(c, c.get('csrfToken'));
    const point = pointSchema.safeParse(Object.fromEntries(fieldsOf(await c.req.parseBody({ all: true }))));
    if (!point.success) {
      return sendHtml(
        c,
        <CampaignPage ctx={ctx} campaign={campaign} locationError={ctx.t('location.badPoint')} />,
        400,
      );
    }
    return locatedPage(shared, c, campaign, ctx, point.data.lat, point.data.lon);
  });
}
