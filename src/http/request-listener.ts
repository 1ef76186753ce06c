import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { VozApp } from '../app.ts';
import { writeCached } from '../officials/response-cache.ts';

const OFFICIALS_QUERY = '/api/v1/officials?';

/**
 * The server's request listener. A ZIP, state or district asked before is answered from the
 * officials API's byte cache before Hono sees the request: during a campaign most requests are
 * such repeats, and the Fetch Request, router and middleware chain Hono needs for them cost
 * about a third of a bare node:http server's throughput (`npm run bench -- lookup`). Everything
 * else, and any answer not already cached and current, goes through the app as usual; the bytes
 * and headers are the same either way (request-listener.test.ts).
 */
export function createRequestListener(voz: VozApp): (req: IncomingMessage, res: ServerResponse) => void {
  const viaApp = getRequestListener(voz.app.fetch);
  const { cachedOfficials } = voz;
  return (req, res) => {
    const url = req.url;
    if (cachedOfficials && req.method === 'GET' && url?.startsWith(OFFICIALS_QUERY)) {
      const entry = cachedOfficials(url.slice(OFFICIALS_QUERY.length));
      if (entry) {
        const ifNoneMatch = req.headers['if-none-match'];
        writeCached(res, entry, Array.isArray(ifNoneMatch) ? ifNoneMatch.join(', ') : ifNoneMatch);
        return;
      }
    }
    viaApp(req, res);
  };
}
