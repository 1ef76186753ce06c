import { z } from 'zod';
import { type Clock, systemClock } from '../clock.ts';
import { isStateCode } from '../domain.ts';
import { type Logger, silentLogger } from '../log.ts';
import { stateFromFips } from '../officials/states.ts';
import { findLayers, MISSING_LAYERS_WARNING, type Row } from './census-layers.ts';
import { getJson } from './http.ts';
import type { DistrictLabel, GeocodeAnswer, GeocodeMatch, GeocodingProvider } from './types.ts';
import { GeocoderError } from './types.ts';

/**
 * The U.S. Census Bureau Geocoder (public, no key): `geographies/onelineaddress` with the current
 * benchmark and vintage ("Geocoding Services Web API", geocoding.geo.census.gov). Layers are
 * asked for with `layers=all`: their numeric ids (54, 56 and 58 in one TIGERweb vintage) and their
 * names ("119th Congressional Districts", "2024 State Legislative Districts - Upper") both change
 * between vintages, and a layer asked for by a stale id silently does not come back. The layers
 * Voz needs are picked from the answer by what their names mean (census-layers.ts).
 */

export const CENSUS_BASE_URL = 'https://geocoding.geo.census.gov/geocoder/';
export const CENSUS_LAYERS = 'all';

const layerRow = z.record(z.string(), z.unknown());
const addressMatch = z.object({
  matchedAddress: z.string().min(1),
  coordinates: z.object({ x: z.number().min(-180).max(180), y: z.number().min(-90).max(90) }),
  addressComponents: z.object({ state: z.string().optional(), zip: z.string().optional() }).loose().optional(),
  geographies: z.record(z.string(), z.array(layerRow)).optional(),
});
export const censusResponse = z.object({
  result: z.object({ addressMatches: z.array(addressMatch) }).loose(),
});
type CensusMatch = z.infer<typeof addressMatch>;

const text = (row: Row, key: string): string | null => {
  const value = row[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** CD119 "98" is the delegate district of DC and PR, "00" an at-large state; "ZZ" is water. */
function houseDistrict(rows: Row[] | null): string | null {
  const row = rows?.[0];
  if (!row) return null;
  const field = Object.keys(row).find((k) => /^CD\d{3}$/.test(k));
  const code = (field ? text(row, field) : null) ?? text(row, 'BASENAME');
  if (!code || !/^\d{1,2}$/.test(code)) return null;
  const n = Number(code);
  return n === 98 || n === 0 ? '0' : String(n);
}

/** "ZZZ" marks territory outside any district (water, or a chamber a state lacks). */
function legislativeDistricts(rows: Row[] | null, codeField: 'SLDU' | 'SLDL'): DistrictLabel[] | null {
  if (rows === null) return null;
  return rows
    .map((row) => ({
      code: text(row, codeField),
      names: [text(row, 'NAME'), text(row, 'BASENAME'), text(row, 'NAMELSAD')].filter((n): n is string => n !== null),
    }))
    .filter((d) => d.code !== null && !/^Z+$/i.test(d.code));
}

function toMatch(m: CensusMatch, today: Date, report: (missing: string[]) => void): GeocodeMatch {
  const layers = findLayers(m.geographies ?? {}, today);
  if (layers.missing.length > 0) report(layers.missing);
  const cd = layers.congress;
  const fips = text(cd?.[0] ?? {}, 'STATE');
  const stated = m.addressComponents?.state?.toUpperCase() ?? '';
  return {
    matchedAddress: m.matchedAddress,
    lat: m.coordinates.y,
    lon: m.coordinates.x,
    state: (fips ? stateFromFips(fips) : null) ?? (isStateCode(stated) ? stated : null),
    zip: m.addressComponents?.zip && /^\d{5}$/.test(m.addressComponents.zip) ? m.addressComponents.zip : null,
    congressionalDistrict: houseDistrict(cd),
    upper: legislativeDistricts(layers.upper, 'SLDU'),
    lower: legislativeDistricts(layers.lower, 'SLDL'),
  };
}

/**
 * Turns a documented Census response body into Voz's answer; a body of another shape is a
 * provider failure. `report` hears which of the layers Voz needs a match came without.
 */
export function parseCensusBody(
  body: unknown,
  options: { today?: Date; report?: (missing: string[]) => void } = {},
): GeocodeAnswer {
  const parsed = censusResponse.safeParse(body);
  if (!parsed.success) throw new GeocoderError('malformed', 'census');
  const today = options.today ?? new Date();
  const report = options.report ?? (() => {});
  const matches = parsed.data.result.addressMatches.map((m) => toMatch(m, today, report));
  if (matches.length === 0) return { kind: 'no_match' };
  if (matches.length === 1) return { kind: 'match', match: matches[0]! };
  return { kind: 'multiple', matches };
}

export function censusGeocoder(options: {
  baseUrl?: string | null;
  timeoutMs: number;
  /** Which Congress is sitting, when the Census offers districts for two. */
  clock?: Clock;
  logger?: Logger;
}): GeocodingProvider {
  const base = new URL(options.baseUrl ?? CENSUS_BASE_URL);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  let warned = false;
  // Without these layers Voz falls back to its coarse 1:20m map and names no state legislators:
  // worth one warning for the operator, not one per supporter.
  const report = (missing: string[]) => {
    if (warned) return;
    warned = true;
    logger.warn(MISSING_LAYERS_WARNING, { provider: 'census', missing: missing.join(', ') });
  };
  return {
    name: 'census',
    async geocode(address) {
      const url = new URL('geographies/onelineaddress', base);
      url.search = new URLSearchParams({
        address,
        benchmark: 'Public_AR_Current',
        vintage: 'Current_Current',
        layers: CENSUS_LAYERS,
        format: 'json',
      }).toString();
      const { body } = await getJson(url, { provider: 'census', timeoutMs: options.timeoutMs });
      return parseCensusBody(body, { today: clock.now(), report });
    },
  };
}
