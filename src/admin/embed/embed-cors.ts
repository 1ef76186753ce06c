import type { MiddlewareHandler } from 'hono';
import type { Campaign } from '../../campaigns/campaign.ts';
import { headerOf } from '../../http/node-request.ts';

/**
 * CORS (Fetch standard, "CORS protocol") for reporting outcomes from an embedded campaign.
 *
 * A site that does not trust Voz may frame the widget in a sandbox without allow-same-origin:
 * WordPress does this to every oEmbed it does not know (`wp_filter_oembed_result`, in
 * wp-includes/embed.php, adds `sandbox="allow-scripts"`). The frame's origin is then opaque, so
 * its report to /api/v1/campaigns/:slug/actions is a cross-origin request with `Origin: null`,
 * and its JSON body needs a preflight. Voz answers both for campaigns that allow embedding, and
 * only for them. The answer never allows credentials: the endpoint uses no cookie, and an
 * opaque-origin frame has none to send.
 */
export type FindCampaign = (slug: string) => Promise<Campaign | null>;

const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Whether a campaign takes reports from a page of this origin: any site, or only the sites its
 * organizer allowed to embed it. "null" (a sandboxed frame) cannot say which site it is on; the
 * browser has already checked frame-ancestors, which names the allowed sites, before the frame
 * could run.
 */
export function acceptsReportsFrom(campaign: Campaign | null, origin: string): boolean {
  if (!campaign || campaign.status === 'draft' || !campaign.embedEnabled) return false;
  if (origin === 'null') return true;
  if (!URL.canParse(origin)) return false;
  return campaign.embedOrigins.length === 0 || campaign.embedOrigins.includes(origin);
}

export function embedActionsCors(find: FindCampaign): MiddlewareHandler {
  return async (c, next) => {
    const origin = headerOf(c, 'origin');
    // No Origin, or Voz's own pages: not a cross-origin request, nothing to answer.
    if (origin === undefined || origin === new URL(c.req.url).origin) return next();
    const slug = c.req.param('slug') ?? '';
    const allowed = slug.length <= 100 && acceptsReportsFrom(await find(slug), origin);
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    c.header('Vary', 'Origin');
    if (!allowed) {
      // Without the headers the browser withholds the answer from the page; a preflight stops here.
      return preflight ? c.body(null, 403) : next();
    }
    c.header('Access-Control-Allow-Origin', origin);
    if (preflight) {
      return c.body(null, 204, {
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'content-type',
        'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
      });
    }
    c.header('Access-Control-Expose-Headers', 'Retry-After');
    return next();
  };
}
