import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log.ts';

/**
 * One log line per request, at LOG_LEVEL=debug (buildApp installs it only then): the method, the route as registered (`/c/:slug/officials`, never the
 * path with its values, never the query string), the status, the duration and the request id.
 * Nothing that points at a supporter: no address, user agent, ZIP code, street address or
 * coordinates, which travel in the path and query this leaves out.
 */
export function requestLog(logger: Logger): MiddlewareHandler<{ Variables: { requestId: string } }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.debug('request', {
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId: c.get('requestId'),
    });
  };
}
