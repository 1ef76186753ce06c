import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ClientKeyer } from '../http/client-key.ts';
import { toHttpError } from '../http/error-handler.tsx';
import { errorBody } from '../http/errors.ts';
import { incomingHeader, readIncomingText } from '../http/node-request.ts';
import { nextRequestId } from '../http/request-id.ts';
import type { DirectRoute } from '../http/request-listener.ts';
import type { Logger } from '../log.ts';
import type { ActionsContext } from './context.ts';
import { reportAction } from './report.ts';

/** Exactly the report path, no query string: anything else is the app's to answer (a 414 among them). */
const REPORT_PATH = /^\/api\/v1\/campaigns\/([a-z0-9-]{1,100})\/actions$/;

/**
 * `POST /api/v1/campaigns/:slug/actions` answered by the server without Hono: the report endpoint
 * is the one a viral campaign floods, and on Node 20 Hono's Fetch Request, router and middleware
 * chain cost more CPU per report than Voz's own work (`npm run bench -- actions`). The logic is
 * the Hono route's own, `reportAction`, and errors are told and logged by the same `toHttpError`
 * as the app's error handler, so the answers are the same (report-listener.test.ts).
 *
 * A cross-origin report (an embedded widget in a sandboxed frame) is left to the app, which
 * answers CORS (embed-cors.ts); so is anything that does not match the path exactly.
 */
export function reportRoute(deps: { context: ActionsContext; keyer: ClientKeyer; logger: Logger }): DirectRoute {
  const { context, keyer, logger } = deps;

  async function answer(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
    try {
      const result = await reportAction(context, {
        slug,
        clientKey: keyer.keyOfRequest(req),
        contentType: incomingHeader(req, 'content-type'),
        readBody: (maxBytes) => readIncomingText(req, maxBytes),
      });
      sendJson(res, result.status, result.body, {});
    } catch (err) {
      const site = { requestId: nextRequestId(), method: 'POST', path: req.url ?? '' };
      const httpError = toHttpError(err, logger, site);
      sendJson(res, httpError.status, errorBody(httpError), httpError.headers);
    }
  }

  return (req, res) => {
    if (req.method !== 'POST' || req.url === undefined) return false;
    const match = REPORT_PATH.exec(req.url);
    if (!match) return false;
    const origin = incomingHeader(req, 'origin');
    if (origin !== undefined && origin !== ownOrigin(req)) return false;
    answer(req, res, match[1]!).catch((err: unknown) => {
      // Only writing the answer can fail here (the client has gone); there is no one left to tell.
      logger.warn('report answer not sent', { error: err instanceof Error ? err.message : String(err) });
    });
    return true;
  };
}

/** The origin Hono would give this request's URL; a mismatch only sends the request to the app. */
function ownOrigin(req: IncomingMessage): string {
  return `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${req.headers.host ?? ''}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const json = JSON.stringify(body);
  res
    .writeHead(status, {
      ...headers,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    })
    .end(json);
}
