import { z } from 'zod';
import type { StateCode } from '../domain.ts';
import { isStateCode } from '../domain.ts';
import type { AddressResolver } from '../geocode/resolve-address.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';

/**
 * Where the supporter is, as carried from step to step in the query string: a ZIP, a state, a
 * House district (`CA-12`) or a rounded coordinate. None of these is a personal detail on its own,
 * and they make every step a plain link that works without JavaScript or cookies.
 */
export interface Place {
  zip: string | null;
  state: string | null;
  district: string | null;
  lat: number | null;
  lon: number | null;
  /**
   * State legislative district names from a street-address lookup (the address itself is not
   * carried), one repeated `sldu`/`sldl` parameter each: an address can be in several districts of
   * one chamber (a New Hampshire floterial district over its base district).
   */
  sldu?: string[];
  sldl?: string[];
}

const text = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null), z.string().max(max).nullable());
/** Blank values are dropped; a handful per chamber is all any address has. */
const names = z.preprocess(
  (v) => (Array.isArray(v) ? v.map((x) => String(x).trim()).filter((x) => x !== '') : []),
  z.array(z.string().max(80)).max(8),
);
const coordinate = (limit: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : null),
    z.number().min(-limit).max(limit).nullable(),
  );

const placeSchema = z.object({
  zip: text(10),
  state: text(40),
  district: text(60),
  lat: coordinate(90),
  lon: coordinate(180),
  sldu: names,
  sldl: names,
});

export type PlaceParse = { ok: true; place: Place } | { ok: false; reason: 'missing' | 'invalid' };

export function parsePlace(query: URLSearchParams): PlaceParse {
  const parsed = placeSchema.safeParse({
    zip: query.get('zip') ?? undefined,
    state: query.get('state') ?? undefined,
    district: query.get('district') ?? undefined,
    lat: query.get('lat') ?? undefined,
    lon: query.get('lon') ?? undefined,
    sldu: query.getAll('sldu'),
    sldl: query.getAll('sldl'),
  });
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const place = parsed.data;
  if ((place.lat === null) !== (place.lon === null)) return { ok: false, reason: 'invalid' };
  if (!place.zip && !place.state && !place.district && place.lat === null) return { ok: false, reason: 'missing' };
  return { ok: true, place };
}

/**
 * The most specific thing given wins: a district the supporter chose, then a coordinate, then the
 * ZIP, then the state. Malformed values throw the directory's HttpError 400.
 */
export function lookupPlace(directory: Directory, place: Place, geocoder?: AddressResolver | null): LookupResult {
  if (place.district) {
    const result = directory.lookupDistrict(place.district);
    const names = { upper: place.sldu ?? [], lower: place.sldl ?? [] };
    return geocoder && names.upper.length + names.lower.length > 0 ? geocoder.withLegislators(result, names) : result;
  }
  if (place.lat !== null && place.lon !== null) return directory.lookupPoint(place.lat, place.lon);
  if (place.zip) return directory.lookupZip(place.zip);
  return directory.lookupState(place.state ?? '');
}

/** The place as query parameters, for links and forms of the next steps. */
export function placeParams(place: Place): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (place.zip) out.zip = place.zip;
  if (place.state) out.state = place.state;
  if (place.district) out.district = place.district;
  if (place.district && place.sldu?.length) out.sldu = place.sldu;
  if (place.district && place.sldl?.length) out.sldl = place.sldl;
  if (place.lat !== null && place.lon !== null) {
    out.lat = String(place.lat);
    out.lon = String(place.lon);
  }
  return out;
}

/** The supporter's state and House district for an action report, as far as the lookup knows them. */
export function reportDivision(result: LookupResult): { state: StateCode | null; district: string | null } {
  const house = result.representations.find((r) => r.seat.chamber === 'house');
  const state = result.state && isStateCode(result.state) ? result.state : null;
  return { state, district: house?.seat.district ?? null };
}
