import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/database.ts';
import { findRenamedCampaign } from './campaigns.ts';

/**
 * Links and embeds shared before a campaign was renamed keep working: a GET or HEAD that finds no
 * campaign under /c/<old>, /embed/<old> or /api/v1/campaigns/<old> is answered 301 (RFC 9110
 * §15.4.2) with the same path, query included, under the current slug. Only after the request
 * has already failed with a 404, so a live campaign's own slug is never redirected.
 */
const CAMPAIGN_PATH = /^\/(c|embed|api\/v1\/campaigns)\/([a-z0-9-]{1,100})(\/.*)?$/;

export function redirectRenamedCampaigns(db: Db): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status !== 404 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return;
    const url = new URL(c.req.url);
    const match = CAMPAIGN_PATH.exec(url.pathname);
    if (!match) return;
    const campaign = await findRenamedCampaign(db, match[2]!);
    if (!campaign) return;
    const target = new URL(`/${match[1]}/${encodeURIComponent(campaign.slug)}${match[3] ?? ''}`, url);
    target.search = url.search;
    c.res = new Response(null, {
      status: 301,
      headers: { Location: `${target.pathname}${target.search}`, 'Cache-Control': 'no-cache' },
    });
  };
}
