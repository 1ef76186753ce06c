import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app.ts';
import { contentIn } from '../../campaigns/campaign.ts';
import { findPublicCampaign } from '../../campaigns/campaigns.ts';
import type { Config } from '../../config.ts';
import { LANGUAGES, type Language } from '../../domain.ts';
import { HttpError } from '../../http/errors.ts';
import { isFromTrustedProxy } from '../../http/trusted-proxy.ts';
import { negotiateLanguage } from '../../web/i18n/index.ts';
import { lookupPlace, parsePlace, placeParams, reportDivision } from '../../web/location.ts';
import { mustChoose } from '../../web/officials-step.tsx';
import { targetCards } from '../../web/targets.ts';
import type { AdminDeps } from '../env.ts';
import { embedHeaders, logoOrigin } from './embed-headers.ts';
import { EmbedCards, EmbedFrame, type EmbedView } from './embed-page.tsx';
import { HOST_SCRIPT } from './host-script.ts';
import { oembedResponse } from './oembed.ts';
import { embedText } from './strings.ts';

/**
 * The embeddable widget (/embed/:slug), its theme stylesheet, the host page's resizing script
 * (/embed.js) and the oEmbed endpoint (/oembed). All are GET and need no session or cookie.
 */
const HOST_SCRIPT_HEADERS = {
  'Content-Type': 'text/javascript; charset=utf-8',
  'Cache-Control': 'public, max-age=3600',
  'X-Content-Type-Options': 'nosniff',
  // Loaded by other sites' pages: allow cross-origin <script> use explicitly.
  'Cross-Origin-Resource-Policy': 'cross-origin',
} as const;

const COLOR = /^#[0-9a-f]{6}$/i;

/** A whole page in standards mode: without the doctype, quirks mode stretches the body to the frame. */
const page = (c: Context, node: unknown, status: 200 | 400, headers: Record<string, string>) =>
  c.html(`<!DOCTYPE html>${String(node)}`, status, headers);

/** The origins this site answers on: PUBLIC_URL's, the request's, and a trusted proxy's public one. */
function siteOrigins(c: Context, config: Config): string[] {
  const origins = [new URL(config.publicUrl).origin, new URL(c.req.url).origin];
  const host = c.req.header('x-forwarded-host');
  const proto = c.req.header('x-forwarded-proto') === 'https' ? 'https' : 'http';
  if (isFromTrustedProxy(c, config.proxyTrust) && host && URL.canParse(`${proto}://${host}`))
    origins.push(new URL(`${proto}://${host}`).origin);
  return origins;
}

export function embedRoutes(deps: AdminDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/embed.js', (c) => c.body(HOST_SCRIPT, 200, HOST_SCRIPT_HEADERS));

  app.get('/oembed', async (c) => {
    const answer = await oembedResponse(deps, new URL(c.req.url).searchParams, siteOrigins(c, deps.config));
    return c.json(answer, 200, { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' });
  });

  const embeddable = async (slug: string) => {
    const campaign = slug.length <= 100 ? await findPublicCampaign(deps.db, slug) : null;
    return campaign?.embedEnabled ? campaign : null;
  };

  app.get('/embed/:slug/theme.css', async (c) => {
    const campaign = await embeddable(c.req.param('slug'));
    if (!campaign) throw new HttpError(404, 'not_embeddable', 'This campaign is not available for embedding.');
    const color = campaign.theme.color && COLOR.test(campaign.theme.color) ? campaign.theme.color : '#0b5394';
    return c.body(`:root{--brand:${color}}\n`, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.get('/embed/:slug', async (c) => {
    const slug = c.req.param('slug');
    const asked = c.req.query('lang');
    const campaign = await embeddable(slug);
    if (!campaign) {
      // Not embeddable (or not public): refuse, and refuse to be framed while doing so.
      throw new HttpError(
        404,
        'not_embeddable',
        'This campaign is not available for embedding.',
        embedHeaders({ frameable: false }),
      );
    }
    const lang: Language =
      asked && (LANGUAGES as readonly string[]).includes(asked)
        ? (asked as Language)
        : negotiateLanguage(c.req.header('accept-language'));
    const { lang: contentLang, content } = contentIn(campaign, lang);
    const t = embedText(contentLang);
    const full = new URL(`/c/${encodeURIComponent(campaign.slug)}`, deps.config.publicUrl);
    full.searchParams.set('lang', contentLang);
    const view: EmbedView = {
      campaign,
      content,
      lang: contentLang,
      t,
      themeUrl: `/embed/${encodeURIComponent(campaign.slug)}/theme.css`,
      fullPageUrl: full.toString(),
      zip: '',
      error: null,
    };
    const headers = embedHeaders({
      frameable: true,
      ancestors: campaign.embedOrigins,
      logoOrigin: logoOrigin(campaign.theme.logoUrl),
    });
    const zip = c.req.query('zip');
    // A closed campaign says it has ended, whatever was asked: no officials, no buttons.
    if (zip === undefined || zip === '' || campaign.status !== 'live') {
      return page(c, <EmbedFrame view={view} />, 200, headers);
    }

    view.zip = zip.slice(0, 5);
    // A district comes only from a choice among the ZIP's own candidates (below).
    const district = c.req.query('district');
    const parsed = /^\d{5}$/.test(zip)
      ? parsePlace(new URLSearchParams(district ? { zip, district: district.slice(0, 12) } : { zip }))
      : null;
    if (!parsed?.ok) return page(c, <EmbedFrame view={{ ...view, error: t('invalid') }} />, 400, headers);
    let result: ReturnType<typeof lookupPlace>;
    try {
      result = lookupPlace(deps.directory, parsed.place);
    } catch (err) {
      if (err instanceof HttpError && err.status < 500) {
        return page(c, <EmbedFrame view={{ ...view, error: t('invalid') }} />, 400, headers);
      }
      throw err;
    }
    const officials = new URL(`/c/${encodeURIComponent(campaign.slug)}/officials`, deps.config.publicUrl);
    for (const [k, v] of Object.entries({ ...placeParams(parsed.place), lang: contentLang }))
      for (const value of [v].flat()) officials.searchParams.append(k, value);
    view.fullPageUrl = officials.toString();
    // The same rule as the campaign page: never pick a district for the supporter.
    if (mustChoose(campaign, result)) {
      // The candidates reload this frame with the district chosen; the frame script keeps the fragment.
      const choices = result.candidates.map((candidate) => {
        const href = new URL(c.req.url);
        href.search = '';
        for (const [k, v] of Object.entries({
          zip: view.zip,
          district: `${candidate.state}-${candidate.district}`,
          lang: contentLang,
        }))
          href.searchParams.set(k, v);
        const name = candidate.representative?.official?.name;
        // The district's code and member read the same in both languages.
        return {
          href: `${href.pathname}${href.search}`,
          label: `${candidate.state}-${candidate.district}${name ? ` · ${name}` : ''}`,
        };
      });
      return page(
        c,
        <EmbedFrame view={view}>
          {result.confidence === 'unknown_zip' || choices.length === 0 ? (
            <p class="error">{result.confidence === 'unknown_zip' ? t('invalid') : t('ambiguous')}</p>
          ) : (
            <>
              <p>{t('choose')}</p>
              <ul class="choices">
                {choices.map((choice) => (
                  <li>
                    <a href={choice.href}>{choice.label}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </EmbedFrame>,
        200,
        headers,
      );
    }
    const cards = targetCards(campaign.targets, campaign.customTargets, result);
    return page(
      c,
      <EmbedFrame view={view}>
        <EmbedCards
          view={view}
          cards={cards}
          report={reportDivision(result)}
          now={deps.clock.now()}
          near={{ lat: null, lon: null, zip: parsed.place.zip, locateZip: (z) => deps.directory.locateZip(z) }}
        />
      </EmbedFrame>,
      200,
      headers,
    );
  });

  return app;
}
