import { z } from 'zod';
import { isStateCode } from '../domain.ts';
import { getJson } from './http.ts';
import type { DistrictLabel, GeocodeAnswer, GeocodeMatch, GeocodingProvider } from './types.ts';
import { GeocoderError } from './types.ts';

/**
 * Geocodio (needs an API key): `GET /v1.12/geocode?q=…&fields=cd,stateleg`. Each of `results[]`
 * has `formatted_address`, `location` {lat, lng}, `accuracy`, `accuracy_type`, and
 * `fields.congressional_districts[]` and `fields.state_legislative_districts.{house,senate}[]`.
 * A 422 means the address could not be geocoded: an answer, not an outage.
 *
 * The key goes in an `Authorization: Bearer` header, which the API reference ("Authentication")
 * accepts in place of the `api_key` query parameter: a URL ends up in proxy and access logs, and
 * a key in it would too.
 */

export const GEOCODIO_BASE_URL = 'https://api.geocod.io/v1.12/';

/** Accuracy types that place a point on a street; "place", "county" and "state" are too coarse for a district. */
const STREET_LEVEL = new Set([
  'rooftop',
  'point',
  'range_interpolation',
  'nearest_rooftop_match',
  'intersection',
  'street_center',
]);
const MIN_ACCURACY = 0.7;

const districtNumber = z.union([z.string(), z.number()]).transform(String);
const legislative = z
  .object({ name: z.string(), district_number: districtNumber, ocd_id: z.string().nullish() })
  .loose();
const result = z
  .object({
    formatted_address: z.string().min(1),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
    accuracy: z.number(),
    accuracy_type: z.string(),
    address_components: z.object({ state: z.string().optional(), zip: z.string().optional() }).loose(),
    fields: z
      .object({
        congressional_districts: z
          .array(z.object({ district_number: z.number().int(), proportion: z.number().optional() }).loose())
          .optional(),
        state_legislative_districts: z
          .object({ house: z.array(legislative).optional(), senate: z.array(legislative).optional() })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export const geocodioResponse = z.object({ results: z.array(result) }).loose();
type Result = z.infer<typeof result>;

/**
 * A street address lies in one district; several (a proportion below 1) mean the point is not
 * precise enough. Per the Census Bureau's convention, which Geocodio follows, a state with one
 * seat is district 0 and a non-voting delegate's district is 98. The district comes from the
 * number only: the at-large seat's `ocd_id` may carry an alias such as `…/state:vt/cd:1`.
 */
function houseDistrict(r: Result): string | null {
  const districts = r.fields?.congressional_districts ?? [];
  if (districts.length !== 1) return null;
  const n = districts[0]!.district_number;
  return n === 98 || n === 0 ? '0' : String(n);
}

/** The OCD id's last part ("sldu:3rd_middlesex") names the district too. */
const ocdName = (id: string | null | undefined): string[] => {
  const tail = id?.split('/').at(-1)?.split(':')[1];
  return tail ? [tail.replace(/_/g, ' ')] : [];
};

const labels = (list: z.infer<typeof legislative>[] | undefined): DistrictLabel[] | null =>
  list
    ? list.map((d) => ({ code: d.district_number, names: [d.name, d.district_number, ...ocdName(d.ocd_id)] }))
    : null;

function toMatch(r: Result): GeocodeMatch {
  const state = r.address_components.state?.toUpperCase() ?? '';
  const sld = r.fields?.state_legislative_districts;
  return {
    matchedAddress: r.formatted_address,
    lat: r.location.lat,
    lon: r.location.lng,
    state: isStateCode(state) ? state : null,
    zip: r.address_components.zip && /^\d{5}$/.test(r.address_components.zip) ? r.address_components.zip : null,
    congressionalDistrict: houseDistrict(r),
    upper: labels(sld?.senate),
    lower: labels(sld?.house),
  };
}

export function parseGeocodioBody(body: unknown): GeocodeAnswer {
  const parsed = geocodioResponse.safeParse(body);
  if (!parsed.success) throw new GeocoderError('malformed', 'geocodio');
  const precise = parsed.data.results.filter((r) => STREET_LEVEL.has(r.accuracy_type) && r.accuracy >= MIN_ACCURACY);
  // Results are ordered most accurate first; the same address can come back from several sources.
  const seen = new Set<string>();
  const matches = precise.map(toMatch).filter((m) => !seen.has(m.matchedAddress) && seen.add(m.matchedAddress));
  if (matches.length === 0) return { kind: 'no_match' };
  if (matches.length === 1) return { kind: 'match', match: matches[0]! };
  return { kind: 'multiple', matches };
}

export function geocodioGeocoder(options: {
  baseUrl?: string | null;
  apiKey: string;
  timeoutMs: number;
}): GeocodingProvider {
  const base = new URL(options.baseUrl ?? GEOCODIO_BASE_URL);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return {
    name: 'geocodio',
    async geocode(address) {
      const url = new URL('geocode', base);
      url.search = new URLSearchParams({ q: address, fields: 'cd,stateleg' }).toString();
      const { status, body } = await getJson(url, {
        provider: 'geocodio',
        timeoutMs: options.timeoutMs,
        headers: { authorization: `Bearer ${options.apiKey}` },
        answerStatuses: [422],
      });
      if (status === 422) return { kind: 'no_match' };
      return parseGeocodioBody(body);
    },
  };
}
