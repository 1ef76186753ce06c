import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { embedActionsCors } from '../admin/embed/embed-cors.ts';
import type { AppDeps, AppEnv } from '../app.ts';
import { clientKeyerFor } from '../http/client-key.ts';
import { HttpError } from '../http/errors.ts';
import { matchesEtag } from '../http/etag.ts';
import { headerOf, readBodyText } from '../http/node-request.ts';
import type { DirectRoute } from '../http/request-listener.ts';
import { actionsFor } from './context.ts';
import { reportAction } from './report.ts';
import { reportRoute } from './report-listener.ts';

/** Counters change every second in a viral campaign; a few seconds of caching absorbs the crowd. */
const COUNTS_CACHE_CONTROL = 'public, max-age=5';

/**
 * A weak validator (RFC 9110 §8.8.1): answers that differ only in `asOf`, the moment they were
 * read, are the same counts, so a poll that finds nothing new gets a 304 without a body.
 */
export function countsEtag(counts: { asOf: string }): string {
  const { asOf: _asOf, ...rest } = counts;
  return `W/"${createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 22)}"`;
}

/**
 * Recording outcomes and public counters.
 *
 * `POST /api/v1/campaigns/:slug/actions` with a JSON body
 * `{ target, channel, outcome, state, district, language }` answers
 * - 201 `{ counted: true }` once the action is durably stored;
 * - 200 `{ counted: false, reason: "repeat" }` when this client already reported this outcome for
 *   this target in the past hour (nothing stored);
 * - 400 (invalid field or JSON), 404 (no such campaign), 409 (campaign closed), 413 (body over
 *   4 kB), 415 (not JSON), 429 (rate limit, with Retry-After), 503 (not saved, with Retry-After).
 *
 * `GET /api/v1/campaigns/:slug/counts` answers the campaign's totals (see counts.ts).
 */
export function actionsApi(deps: AppDeps): { routes: Hono<AppEnv>; reportRoute: DirectRoute; close(): Promise<void> } {
  const context = actionsFor(deps);
  const keyer = clientKeyerFor(deps);
  const routes = new Hono<AppEnv>();

  // Embedded widgets in sandboxed frames report from an opaque origin (see embed-cors.ts).
  routes.use(
    '/api/v1/campaigns/:slug/actions',
    embedActionsCors((slug) => context.campaigns.find(slug)),
  );
  routes.post('/api/v1/campaigns/:slug/actions', async (c) => {
    const answer = await reportAction(context, {
      slug: c.req.param('slug'),
      clientKey: keyer.keyOf(c),
      contentType: headerOf(c, 'content-type'),
      readBody: (maxBytes) => readBodyText(c, maxBytes),
    });
    return c.json(answer.body, answer.status);
  });

  routes.get('/api/v1/campaigns/:slug/counts', async (c) => {
    const campaign = await context.campaigns.find(c.req.param('slug'));
    if (!campaign || campaign.status === 'draft') {
      throw new HttpError(404, 'campaign_not_found', 'There is no campaign at this address.');
    }
    const counts = await context.counts.get(campaign);
    const etag = countsEtag(counts);
    c.header('Cache-Control', COUNTS_CACHE_CONTROL);
    c.header('ETag', etag);
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.json(counts);
  });

  return {
    routes,
    reportRoute: reportRoute({ context, keyer, logger: deps.logger }),
    close: () => context.close(),
  };
}
