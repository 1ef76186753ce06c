import { Hono } from 'hono';
import { actionsApi } from './actions/routes.ts';
import { adminPages } from './admin/routes.tsx';
import { redirectRenamedCampaigns } from './campaigns/slug-redirects.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/database.ts';
import { addressBudget } from './geocode/address-budget.ts';
import { answerAddress, isAddressOutage, outageLogger } from './geocode/api.ts';
import type { AddressResolver } from './geocode/resolve-address.ts';
import type { ClusterState } from './http/cluster-state.ts';
import { handleError } from './http/error-handler.tsx';
import { HttpError } from './http/errors.ts';
import { sendNotModifiedAsIs } from './http/not-modified.ts';
import { nextRequestId } from './http/request-id.ts';
import type { DirectRoute } from './http/request-listener.ts';
import { requestLog } from './http/request-log.ts';
import type { Logger } from './log.ts';
import { healthOf } from './officials/data-info.ts';
import type { Directory } from './officials/directory.ts';
import { officialsApi } from './officials/routes.ts';
import { renderErrorPage, webPages } from './web/routes.tsx';

export interface AppDeps {
  config: Config;
  db: DbHandle;
  directory: Directory;
  clock: Clock;
  logger: Logger;
  /** Street-address lookup (GEOCODER); absent or null when turned off, and address queries fall back to the ZIP. */
  geocoder?: AddressResolver | null;
  /** Under `--workers N`: the primary, which holds rate limits and repeat detection for every worker. */
  cluster?: ClusterState | null;
}

export type AppEnv = { Variables: { requestId: string } };

export interface VozApp {
  app: Hono<AppEnv>;
  /**
   * Routes the server answers before Hono (http/request-listener.ts): cached officials answers
   * and action reports. None with LOG_LEVEL=debug, so every request reaches the request log.
   */
  directRoutes: DirectRoute[];
  /** Flushes pending writes and stops background work; the server calls it on shutdown. */
  close(): Promise<void>;
}

/** Longest URL Voz accepts: enough for any real query, and a 10 kB query string is refused early. */
const MAX_URL_LENGTH = 2048;

/** Builds the whole application from its dependencies. Tests call `app.request(…)` with no port. */
export function buildApp(deps: AppDeps): VozApp {
  const app = new Hono<AppEnv>();
  const closers: Array<() => Promise<void>> = [];

  // A line per request costs the officials API about a tenth of its throughput: only when asked for.
  if (deps.config.logLevel === 'debug') app.use(requestLog(deps.logger));
  app.use(async (c, next) => {
    c.set('requestId', nextRequestId());
    if (c.req.url.length > MAX_URL_LENGTH) {
      throw new HttpError(
        414,
        'uri_too_long',
        `The URL is too long (over ${MAX_URL_LENGTH} characters): send a shorter query string.`,
      );
    }
    await next();
    sendNotModifiedAsIs(c);
  });

  // Only under the paths a campaign's slug is in: the officials API's cached answers stay synchronous.
  const redirectRenamed = redirectRenamedCampaigns(deps.db.db);
  for (const path of ['/c/*', '/embed/*', '/api/v1/campaigns/*']) app.use(path, redirectRenamed);
  app.get('/healthz', (c) => c.json(healthOf(deps.directory.status)));

  const lookupAddress = deps.geocoder ? (address: string) => answerAddress(address, deps) : undefined;
  // Address queries spend the same per-client budget as the pages' address form.
  if (deps.geocoder) app.use('/api/v1/officials', addressBudget(deps));
  const officials = officialsApi(deps, { lookupAddress });
  app.route('/', officials.routes);
  const actions = actionsApi(deps);
  app.route('/', actions.routes);
  closers.push(actions.close);
  app.route('/', adminPages(deps));
  app.route('/', webPages(deps));

  const onError = handleError(deps.logger, renderErrorPage(deps));
  const onOutage = handleError(outageLogger(deps.logger), renderErrorPage(deps));
  app.notFound((c) => onError(new HttpError(404, 'not_found', 'There is no page at this address.'), c));
  app.onError((err, c) => (isAddressOutage(err) ? onOutage(err, c) : onError(err, c)));

  return {
    app,
    directRoutes: deps.config.logLevel === 'debug' ? [] : [officials.cachedRoute, actions.reportRoute],
    close: async () => {
      for (const close of closers) await close();
    },
  };
}
