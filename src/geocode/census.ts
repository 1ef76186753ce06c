import { z } from 'zod';
import { isStateCode } from '../domain.ts';
import { stateFromFips } from '../officials/states.ts';
import { getJson } from './http.ts';
import type { DistrictLabel, GeocodeAnswer, GeocodeMatch, GeocodingProvider } from './types.ts';
import { GeocoderError } from './types.ts';

/**
 * The U.S. Census Bureau Geocoder (public, no key): `geographies/onelineaddress` with the current
 * benchmark and vintage ("Geocoding Services Web API", geocoding.geo.census.gov). Layers 54, 56
 * and 58 of the TIGERweb Current map service are the 119th Congressional Districts and the
 * state legislative districts, upper and lower. The layers are read by what their names mean,
 * not by the exact names, which carry the Congress and year ("119th Congressional Districts",
 * "2024 State Legislative Districts - Upper") and change with each vintage.
 */

export const CENSUS_BASE_URL = 'https://geocoding.geo.census.gov/geocoder/';
export const CENSUS_LAYERS = '54,56,58';

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
type Row = Record<string, unknown>;

const text = (row: Row, key: string): string | null => {
  const value = row[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

function findLayer(geographies: Record<string, Row[]>, pattern: RegExp): Row[] | null {
  const key = Object.keys(geographies).find((name) => pattern.test(name));
  return key === undefined ? null : (geographies[key] ?? []);
}

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

function toMatch(m: CensusMatch): GeocodeMatch {
  const geographies = m.geographies ?? {};
  const cd = findLayer(geographies, /congressional district/i);
  const fips = text(cd?.[0] ?? {}, 'STATE');
  const stated = m.addressComponents?.state?.toUpperCase() ?? '';
  return {
    matchedAddress: m.matchedAddress,
    lat: m.coordinates.y,
    lon: m.coordinates.x,
    state: (fips ? stateFromFips(fips) : null) ?? (isStateCode(stated) ? stated : null),
    zip: m.addressComponents?.zip && /^\d{5}$/.test(m.addressComponents.zip) ? m.addressComponents.zip : null,
    congressionalDistrict: houseDistrict(cd),
    upper: legislativeDistricts(findLayer(geographies, /state legislative districts? - upper/i), 'SLDU'),
    lower: legislativeDistricts(findLayer(geographies, /state legislative districts? - lower/i), 'SLDL'),
  };
}

/** Turns a documented Census response body into Voz's answer; a body of another shape is a provider failure. */
export function parseCensusBody(body: unknown): GeocodeAnswer {
  const parsed = censusResponse.safeParse(body);
  if (!parsed.success) throw new GeocoderError('malformed', 'census');
  const matches = parsed.data.result.addressMatches.map(toMatch);
  if (matches.length === 0) return { kind: 'no_match' };
  if (matches.length === 1) return { kind: 'match', match: matches[0]! };
  return { kind: 'multiple', matches };
}

export function censusGeocoder(options: { baseUrl?: string | null; timeoutMs: number }): GeocodingProvider {
  const base = new URL(options.baseUrl ?? CENSUS_BASE_URL);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
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
      return parseCensusBody(body);
    },
  };
}
