import { HttpError } from '../http/errors.ts';
import { BodyIncompleteError, BodyTooLargeError } from '../http/node-request.ts';
import { enforceLimit } from '../http/rate-limit.ts';
import type { ActionsContext } from './context.ts';
import { recordOutcome } from './record-outcome.ts';

/** An action report is a few short fields; anything near this size is not one. */
export const MAX_ACTION_BODY_BYTES = 4096;

const RATE_LIMITED = 'You have reported many actions in a short time. Please wait a little and try again.';

/** What `POST /api/v1/campaigns/:slug/actions` received, however it was read. */
export interface ReportRequest {
  slug: string;
  /** The hashed client key, never an address. */
  clientKey: string;
  contentType: string | undefined;
  /** The body as text; throws BodyTooLargeError past `maxBytes`. */
  readBody(maxBytes: number): Promise<string>;
}

export type ReportAnswer =
  | { status: 201; body: { counted: true } }
  | { status: 200; body: { counted: false; reason: 'repeat' } };

/**
 * The report endpoint's whole logic, for the Hono route (routes.ts) and the server's direct route
 * (report-listener.ts) alike. In order: the client's rate limit (429 with Retry-After, RFC 6585 §4),
 * JSON only (415), at most 4 kB (413), a JSON object (400), then recordOutcome's checks and the
 * durable write. Throws HttpError for every refusal.
 */
export async function reportAction(context: ActionsContext, request: ReportRequest): Promise<ReportAnswer> {
  await enforceLimit(context.limiter, request.clientKey, RATE_LIMITED);
  if (!isJson(request.contentType)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the report as JSON (Content-Type: application/json).');
  }
  const report = parseReport(await readReport(request));
  const result = await recordOutcome(context, {
    campaignSlug: request.slug,
    clientKey: request.clientKey,
    report,
  });
  return result.counted
    ? { status: 201, body: { counted: true } }
    : { status: 200, body: { counted: false, reason: result.reason } };
}

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType.trim());

async function readReport(request: ReportRequest): Promise<string> {
  try {
    return await request.readBody(MAX_ACTION_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      throw new HttpError(413, 'body_too_large', `The report is too large (over ${MAX_ACTION_BODY_BYTES} bytes).`);
    }
    // The client has gone: a 4xx that no one reads, rather than a 500 logged as a fault.
    if (err instanceof BodyIncompleteError) throw new HttpError(400, 'incomplete_body', 'The report ended early.');
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
