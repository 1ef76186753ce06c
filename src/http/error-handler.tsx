import type { Context } from 'hono';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../log.ts';
import { errorBody, HttpError } from './errors.ts';

/**
 * The one error handler. Under /api it answers `{ "error": { "code", "message" } }`; elsewhere an
 * HTML page. 5xx are logged with the request id, and their details never reach the client.
 */
export type ErrorPageRenderer = (c: Context, err: HttpError) => Response | Promise<Response>;

export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

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

export function handleError(logger: Logger, renderPage: ErrorPageRenderer = plainErrorPage) {
  return (err: Error, c: Context): Response | Promise<Response> => {
    let httpError: HttpError;
    if (err instanceof HttpError) {
      httpError = err;
    } else if (isDatabaseUnavailable(err)) {
      // An outage, not a bug: the operator sees one warning per request, the supporter a retry.
      logger.warn('database unavailable', { requestId: c.get('requestId'), path: c.req.path, error: err.message });
      httpError = new HttpError(
        503,
        'database_unavailable',
        'Voz cannot reach its database right now. Please try again in a few seconds.',
        { 'Retry-After': '5' },
      );
    } else {
      logger.error('unhandled error', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      httpError = new HttpError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
    }
    if (httpError.status >= 500 && err instanceof HttpError) {
      logger.error('server error', { requestId: c.get('requestId'), path: c.req.path, code: httpError.code });
    }
    for (const [name, value] of Object.entries(httpError.headers)) c.header(name, value);
    if (isApiPath(c.req.path)) return c.json(errorBody(httpError), httpError.status);
    return renderPage(c, httpError);
  };
}
