import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { VozApp } from '../app.ts';

/**
 * A route the server answers straight from Node's request, before Hono: it handles the request
 * and returns true, or returns false having touched nothing, and the app answers instead.
 */
export type DirectRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The server's request listener. The two requests a viral campaign multiplies, a ZIP asked before
 * (officials/routes.ts) and an action report (actions/report-listener.ts), are answered by direct
 * routes: for them the Fetch Request, router and middleware chain Hono needs cost more CPU than
 * the answer (`npm run bench`). Each gives the same status, headers and bytes as the app would
 * (request-listener.test.ts, report-listener.test.ts); everything else goes through Hono.
 */
export function createRequestListener(voz: VozApp): (req: IncomingMessage, res: ServerResponse) => void {
  const viaApp = getRequestListener(voz.app.fetch);
  const direct = voz.directRoutes;
  return (req, res) => {
    for (const route of direct) if (route(req, res)) return;
    viaApp(req, res);
  };
}
