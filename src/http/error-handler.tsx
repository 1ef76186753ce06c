import type { Context } from 'hono';
import { AdminLayout } from '../admin/layout.tsx';
import type { Session } from '../admin/user.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../log.ts';
import { sendHtml } from '../web/respond.ts';
import { errorBody, HttpError } from './errors.ts';

/**
 * The one error handler. Under /api it answers `{ "error": { "code", "message" } }`; under
 * /admin an organizer page in the workspace's own frame; elsewhere the supporter's error page.
 * 5xx are logged with the request id, and their details never reach the client.
 */
export type ErrorPageRenderer = (c: Context, err: HttpError) => Response | Promise<Response>;

export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');
/** Machine-read endpoints outside /api that answer errors as JSON too: oEmbed consumers parse it. */
const JSON_PATHS: ReadonlySet<string> = new Set(['/oembed']);
export const answersJson = (path: string): boolean => isApiPath(path) || JSON_PATHS.has(path);

/**
 * 501 Not Implemented (RFC 9110 §15.6.2) is a refusal of something Voz does not offer, such as
 * oEmbed's format=xml: the client asked for it, nothing failed, so it is no error to log.
 */
const isServerFault = (status: number): boolean => status >= 500 && status !== 501;
export const isAdminPath = (path: string): boolean => path === '/admin' || path.startsWith('/admin/');

export function plainErrorPage(c: Context, err: HttpError): Response | Promise<Response> {
  return c.html(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{err.message}</title>
      </head>
      <body>
        <main>
          <h1>{err.message}</h1>
          <p>
            <a href="/">Voz</a>
          </p>
        </main>
      </body>
    </html>,
    err.status,
  );
}

const isSession = (value: unknown): value is Session =>
  typeof value === 'object' && value !== null && 'user' in value && 'csrfToken' in value;

/**
 * Organizer errors in the workspace's frame (English, like the rest of /admin): the signed-in
 * organizer keeps the menu, and nothing speaks of supporters or campaigns that may have ended.
 */
export function adminErrorPage(c: Context, err: HttpError): Response | Promise<Response> {
  const session: unknown = c.get('session');
  const title =
    err.status === 404 ? 'Page not found' : isServerFault(err.status) ? 'Something went wrong' : err.message;
  const text = err.status === 404 ? 'There is no page at this address in the organizer workspace.' : err.message;
  return sendHtml(
    c,
    <AdminLayout
      title={title}
      user={isSession(session) ? session.user : null}
      csrf={isSession(session) ? session.csrfToken : ''}
    >
      <h1>{title}</h1>
      {text !== title ? <p>{text}</p> : null}
      <p>
        <a href="/admin/campaigns">Back to the campaigns</a>
      </p>
    </AdminLayout>,
    err.status,
  );
}

/** Where an error happened, for its log line. */
export interface ErrorSite {
  requestId: string | undefined;
  method: string;
  path: string;
}

/**
 * What the client is told about an error, logged by the one set of rules: an HttpError as it
 * is, an unreachable database as 503 with a warning, anything else as a 500 whose details go only
 * to the log. The node-level report route (actions/report-listener.ts) answers through this too.
 */
export function toHttpError(err: unknown, logger: Logger, site: ErrorSite): HttpError {
  let httpError: HttpError;
  if (err instanceof HttpError) {
    httpError = err;
  } else if (isDatabaseUnavailable(err)) {
    // An outage, not a bug: the operator sees one warning per request, the supporter a retry.
    logger.warn('database unavailable', { requestId: site.requestId, path: site.path, error: (err as Error).message });
    httpError = new HttpError(
      503,
      'database_unavailable',
      'Voz cannot reach its database right now. Please try again in a few seconds.',
      { 'Retry-After': '5' },
    );
  } else {
    logger.error('unhandled error', {
      requestId: site.requestId,
      method: site.method,
      path: site.path,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    httpError = new HttpError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
  }
  if (isServerFault(httpError.status) && err instanceof HttpError) {
    logger.error('server error', { requestId: site.requestId, path: site.path, code: httpError.code });
  } else if (httpError.status === 501) {
    logger.warn('not implemented', { requestId: site.requestId, path: site.path, code: httpError.code });
  }
  return httpError;
}

export function handleError(logger: Logger, renderPage: ErrorPageRenderer = plainErrorPage) {
  return (err: Error, c: Context): Response | Promise<Response> => {
    const httpError = toHttpError(err, logger, {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
    });
    for (const [name, value] of Object.entries(httpError.headers)) c.header(name, value);
    if (answersJson(c.req.path)) return c.json(errorBody(httpError), httpError.status);
    if (isAdminPath(c.req.path)) return adminErrorPage(c, httpError);
    return renderPage(c, httpError);
  };
}
