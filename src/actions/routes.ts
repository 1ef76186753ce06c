import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { embedActionsCors } from '../admin/embed/embed-cors.ts';
import type { AppDeps, AppEnv } from '../app.ts';
import { clientKeyerFor } from '../http/client-key.ts';
import { HttpError } from '../http/errors.ts';
import { BodyTooLargeError, headerOf, readBodyText } from '../http/node-request.ts';
import { rateLimit } from '../http/rate-limit.ts';
import { actionsFor } from './context.ts';
import { recordOutcome } from './record-outcome.ts';

/** An action report is a few short fields; anything near this size is not one. */
export const MAX_ACTION_BODY_BYTES = 4096;

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

/** If-None-Match lists validators, compared weakly (RFC 9110 §13.1.2): W/ is ignored, * matches any. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType.trim());

async function readReport(c: Context): Promise<string> {
  try {
    return await readBodyText(c, MAX_ACTION_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      throw new HttpError(413, 'body_too_large', `The report is too large (over ${MAX_ACTION_BODY_BYTES} bytes).`);
    }
    throw err;
  }
}

function parseReport(text: string): object {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_action', 'The body must be a JSON object with the report fields.');
  }
  return body;
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
export function actionsApi(deps: AppDeps): { routes: Hono<AppEnv>; close(): Promise<void> } {
  const context = actionsFor(deps);
  const keyer = clientKeyerFor(deps);
  const routes = new Hono<AppEnv>();

  // Embedded widgets in sandboxed frames report from an opaque origin (see embed-cors.ts).
  routes.use(
    '/api/v1/campaigns/:slug/actions',
    embedActionsCors((slug) => context.campaigns.find(slug)),
  );
  routes.post(
    '/api/v1/campaigns/:slug/actions',
    rateLimit({
      limiter: context.limiter,
      key: (c) => keyer.keyOf(c),
      message: 'You have reported many actions in a short time. Please wait a little and try again.',
    }),
    async (c) => {
      if (!isJson(headerOf(c, 'content-type'))) {
        throw new HttpError(415, 'unsupported_media_type', 'Send the report as JSON (Content-Type: application/json).');
      }
      const body = parseReport(await readReport(c));
      const result = await recordOutcome(context, {
        campaignSlug: c.req.param('slug'),
        clientKey: keyer.keyOf(c),
        report: body,
      });
      return result.counted ? c.json({ counted: true }, 201) : c.json({ counted: false, reason: result.reason }, 200);
    },
  );

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

  return { routes, close: () => context.close() };
}
