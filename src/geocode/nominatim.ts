import { z } from 'zod';
import { getJson } from './http.ts';
import type { GeocodeAnswer, GeocodeMatch, GeocodingProvider } from './types.ts';
import { GeocoderError } from './types.ts';

/**
 * A coordinates-only provider: Nominatim's `/search?q=…&format=jsonv2&countrycodes=…`. It gives
 * a point and no districts, so Voz finds the House district with its own point-in-polygon lookup
 * (which reports a point near a border as ambiguous) and cannot name state legislators.
 *
 * The public instance's usage policy asks for an identifying User-Agent and at most one request
 * per second; Voz spaces its calls. The wait for a slot is part of the supporter's deadline: when
 * it would take more than half of it, the request is not sent at all (`throttled`) and the
 * supporter gets the ZIP fallback at once instead of a wait.
 */

export const NOMINATIM_BASE_URL = 'https://nominatim.openstreetmap.org/';

/**
 * OpenStreetMap files the territories under their own ISO 3166-1 codes, not `us`: Puerto Rico
 * (pr), Guam (gu), the U.S. Virgin Islands (vi), American Samoa (as) and the Northern Mariana
 * Islands (mp). Each elects a member of the House, so their addresses must be found too.
 */
export const COUNTRY_CODES = ['us', 'pr', 'gu', 'vi', 'as', 'mp'] as const;

/** place_rank 26–27 is a street, 28–30 a house number or building; lower ranks are areas. */
const MIN_PLACE_RANK = 26;

const place = z
  .object({
    lat: z.string().regex(/^-?\d+(\.\d+)?$/),
    lon: z.string().regex(/^-?\d+(\.\d+)?$/),
    display_name: z.string().min(1),
    place_rank: z.number().int(),
    address: z.object({ postcode: z.string().optional() }).loose().optional(),
  })
  .loose();
export const nominatimResponse = z.array(place);
type Place = z.infer<typeof place>;

function toMatch(p: Place): GeocodeMatch {
  const zip = p.address?.postcode?.slice(0, 5) ?? '';
  return {
    matchedAddress: p.display_name,
    lat: Number(p.lat),
    lon: Number(p.lon),
    state: null,
    zip: /^\d{5}$/.test(zip) ? zip : null,
    congressionalDistrict: null,
    upper: null,
    lower: null,
  };
}

export function parseNominatimBody(body: unknown): GeocodeAnswer {
  const parsed = nominatimResponse.safeParse(body);
  if (!parsed.success) throw new GeocoderError('malformed', 'nominatim');
  const matches = parsed.data.filter((p) => p.place_rank >= MIN_PLACE_RANK).map(toMatch);
  if (matches.some((m) => Math.abs(m.lat) > 90 || Math.abs(m.lon) > 180))
    throw new GeocoderError('malformed', 'nominatim');
  if (matches.length === 0) return { kind: 'no_match' };
  if (matches.length === 1) return { kind: 'match', match: matches[0]! };
  return { kind: 'multiple', matches };
}

export function nominatimGeocoder(options: {
  baseUrl?: string | null;
  timeoutMs: number;
  userAgent: string;
  minIntervalMs?: number;
}): GeocodingProvider {
  const base = new URL(options.baseUrl ?? NOMINATIM_BASE_URL);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const interval = options.minIntervalMs ?? 1000;
  let nextSlot = 0;
  return {
    name: 'nominatim',
    async geocode(address) {
      const now = performance.now();
      const wait = Math.max(0, nextSlot - now);
      if (wait > options.timeoutMs / 2) throw new GeocoderError('throttled', 'nominatim');
      nextSlot = now + wait + interval;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const url = new URL('search', base);
      url.search = new URLSearchParams({
        q: address,
        format: 'jsonv2',
        countrycodes: COUNTRY_CODES.join(','),
        addressdetails: '1',
        limit: '3',
      }).toString();
      const { body } = await getJson(url, {
        provider: 'nominatim',
        timeoutMs: options.timeoutMs - wait,
        headers: { 'user-agent': options.userAgent },
        retryDelayMs: interval,
      });
      return parseNominatimBody(body);
    },
  };
}
