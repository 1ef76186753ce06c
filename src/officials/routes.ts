import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app.ts';
import { pickEncoding } from '../http/content-encoding.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { headerOf, incomingHeader } from '../http/node-request.ts';
import type { DirectRoute } from '../http/request-listener.ts';
import { dataStatusSchema } from './api-schemas.ts';
import { withDataInfo } from './data-info.ts';
import { lookupOfficials, parseOfficialsQuery } from './officials-query.ts';
import { buildOpenApiDocument } from './openapi.ts';
import {
  type CachedResponse,
  cachedResponse,
  PRIVATE_CACHE,
  PUBLIC_CACHE,
  ResponseCache,
  representationOf,
  respond,
  writeCached,
} from './response-cache.ts';
import type { LookupResult } from './types.ts';

/**
 * JSON API for the directory: /api/v1/officials, /api/v1/divisions, /api/v1/data/status and the
 * OpenAPI document. Answers are serialised once and kept as bytes (response-cache.ts): during a
 * campaign most requests repeat a ZIP that was asked before. Answers of 1 KiB or more are sent
 * with brotli or gzip when Accept-Encoding allows, each coding with its own ETag; a cached answer
 * keeps each coded body once made.
 */
export interface OfficialsApiOptions {
  /**
   * Answers `address=`: geocodes the address and calls `directory.lookupDivisions`. Without it,
   * an address query is refused with a 400. Address and coordinate answers are never cached: they are personal.
   */
  lookupAddress?: (address: string) => Promise<LookupResult>;
  /**
   * Bytes of serialised answers kept in memory, compressed copies included (default 32 MB, about
   * 2,000 distinct places as JSON alone).
   */
  cacheBytes?: number;
}

/** Asking Hono for a header first copies every header into a Fetch `Headers` object (node-request.ts). */
const ifNoneMatchOf = (c: Context<AppEnv>) => headerOf(c, 'if-none-match');
/** br, gzip or identity, as the request's Accept-Encoding allows (http/content-encoding.ts). */
const codingOf = (c: Context<AppEnv>) => pickEncoding(headerOf(c, 'accept-encoding'));

export interface OfficialsApi {
  routes: Hono<AppEnv>;
  /**
   * `GET /api/v1/officials?<query>` answered by the server without Hono when the answer is already
   * serialised and current (http/request-listener.ts): the same bytes and headers, 304s and
   * compressed representations included.
   * Only answers the routes computed and kept are there: public places, never an address or a
   * coordinate, and never an error.
   */
  cachedRoute: DirectRoute;
}

const OFFICIALS_QUERY = '/api/v1/officials?';

export function officialsApi(deps: AppDeps, options: OfficialsApiOptions = {}): OfficialsApi {
  const { directory } = deps;
  const api = new Hono<AppEnv>();
  const cache = new ResponseCache(options.cacheBytes ?? 32 * 1024 * 1024);
  const current = (entry: CachedResponse | undefined) =>
    entry !== undefined && entry.revision === directory.revision() ? entry : null;

  /**
   * One cached answer per URL query string; stale when the directory's revision moved on. Its
   * compressed representations are made on the first request for each and kept with it.
   */
  function serve(c: Context<AppEnv>, key: string, build: () => { json: string; cacheControl: string }) {
    const revision = directory.revision();
    let entry: CachedResponse | undefined = cache.get(key);
    if (!entry || entry.revision !== revision) {
      const { json, cacheControl } = build();
      entry = cachedResponse(json, cacheControl, revision);
      cache.set(key, entry);
    }
    return respond(cache.representation(key, entry, codingOf(c)), ifNoneMatchOf(c));
  }

  /** An answer not kept (it says where someone is): compressed for this request alone. */
  const respondOnce = (c: Context<AppEnv>, json: string, cacheControl: string) =>
    respond(representationOf(cachedResponse(json, cacheControl, directory.revision()), codingOf(c)), ifNoneMatchOf(c));

  // Not async: a cached answer goes out without a promise; only an address waits for the geocoder.
  api.get('/api/v1/officials', (c): Response | Promise<Response> => {
    const url = c.req.url;
    const at = url.indexOf('?');
    const search = at === -1 ? '' : url.slice(at + 1);
    const hit = current(cache.get(search));
    if (hit) return respond(cache.representation(search, hit, codingOf(c)), ifNoneMatchOf(c));

    const query = parseOfficialsQuery(new URLSearchParams(search));
    if (query.kind === 'address') {
      if (!options.lookupAddress) {
        throw badRequest(
          'address_lookup_unavailable',
          'Looking up a street address is not available on this server. Use zip, state, district, or lat and lon.',
        );
      }
      return options
        .lookupAddress(query.address)
        .then((answer) => respondOnce(c, JSON.stringify(withDataInfo(answer, directory.status)), 'private, no-store'));
    }
    const answer = withDataInfo(lookupOfficials(directory, query), directory.status);
    // A coordinate says where someone is: it is answered but not kept, even in memory.
    if (query.kind === 'point') return respondOnce(c, JSON.stringify(answer), PRIVATE_CACHE);
    return serve(c, search, () => ({ json: JSON.stringify(answer), cacheControl: PUBLIC_CACHE }));
  });

  api.get('/api/v1/officials/:id{.+}', (c) => {
    const id = c.req.param('id');
    return serve(c, `official:${id}`, () => {
      const representation = directory.findRepresentation(id);
      if (!representation) {
        throw notFound('unknown_official', `There is no official or seat with the id "${id.slice(0, 80)}".`);
      }
      return { json: JSON.stringify(withDataInfo(representation, directory.status)), cacheControl: PUBLIC_CACHE };
    });
  });

  api.get('/api/v1/divisions/:ocdId{.+}', (c) => {
    const id = c.req.param('ocdId');
    return serve(c, `division:${id}`, () => {
      if (!id.toLowerCase().startsWith('ocd-division/')) {
        throw badRequest(
          'invalid_division',
          'A division id starts with "ocd-division/", e.g. ocd-division/country:us/state:ca/cd:12 (URL-encoded).',
        );
      }
      const division = directory.findDivision(id);
      if (!division)
        throw notFound('unknown_division', `Voz knows no officials for the division "${id.slice(0, 120)}".`);
      return { json: JSON.stringify(withDataInfo(division, directory.status)), cacheControl: PUBLIC_CACHE };
    });
  });

  const status = JSON.stringify(dataStatusSchema.parse(directory.status));
  api.get('/api/v1/data/status', (c) =>
    serve(c, 'status', () => ({ json: status, cacheControl: 'public, max-age=300' })),
  );

  let openApi: string | null = null;
  api.get('/api/v1/openapi.json', (c) =>
    serve(c, 'openapi', () => {
      openApi ??= JSON.stringify(buildOpenApiDocument(deps.config.publicUrl));
      return { json: openApi, cacheControl: 'public, max-age=3600' };
    }),
  );

  const cachedRoute: DirectRoute = (req, res) => {
    if (req.method !== 'GET' || !req.url?.startsWith(OFFICIALS_QUERY)) return false;
    const key = req.url.slice(OFFICIALS_QUERY.length);
    const entry = current(cache.get(key));
    if (!entry) return false;
    // Without Accept-Encoding (most load generators, some proxies) this is the identity entry itself.
    const coding = pickEncoding(incomingHeader(req, 'accept-encoding'));
    writeCached(res, cache.representation(key, entry, coding), incomingHeader(req, 'if-none-match'));
    return true;
  };
  return { routes: api, cachedRoute };
}
