import { z } from 'zod';
import type { StateCode } from '../domain.ts';
import { isStateCode } from '../domain.ts';
import type { AddressResolver } from '../geocode/resolve-address.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';
import type { MessageKey } from './i18n/index.ts';

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
  /** State legislative district names from a street-address lookup (the address itself is not carried). */
  sldu?: string | null;
  sldl?: string | null;
}

const text = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null), z.string().max(max).nullable());
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
  sldu: text(80),
  sldl: text(80),
});

/** Which part of the place was unusable, so the page can say so in the supporter's language. */
export type PlaceProblem = 'missing' | 'zip' | 'state' | 'district' | 'point';

export type PlaceParse = { ok: true; place: Place } | { ok: false; reason: PlaceProblem };

const PROBLEM_OF: Record<keyof z.infer<typeof placeSchema>, PlaceProblem> = {
  zip: 'zip',
  state: 'state',
  district: 'district',
  sldu: 'district',
  sldl: 'district',
  lat: 'point',
  lon: 'point',
};

export function parsePlace(query: URLSearchParams): PlaceParse {
  const parsed = placeSchema.safeParse({
    zip: query.get('zip') ?? undefined,
    state: query.get('state') ?? undefined,
    district: query.get('district') ?? undefined,
    lat: query.get('lat') ?? undefined,
    lon: query.get('lon') ?? undefined,
    sldu: query.get('sldu') ?? undefined,
    sldl: query.get('sldl') ?? undefined,
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] as keyof typeof PROBLEM_OF | undefined;
    return { ok: false, reason: (field && PROBLEM_OF[field]) ?? 'missing' };
  }
  const place = parsed.data;
  if ((place.lat === null) !== (place.lon === null)) return { ok: false, reason: 'point' };
  if (!place.zip && !place.state && !place.district && place.lat === null) return { ok: false, reason: 'missing' };
  return { ok: true, place };
}

/** The catalogue sentence for a place that could not be used: a parse problem or a lookup's error code. */
export function placeProblemKey(problem: PlaceProblem | string): MessageKey {
  switch (problem) {
    case 'missing':
      return 'location.missing';
    case 'zip':
    case 'invalid_zip':
      return 'location.badZip';
    case 'state':
    case 'invalid_state':
      return 'location.badState';
    case 'district':
    case 'invalid_district':
    case 'unknown_district':
    case 'invalid_division':
      return 'location.badDistrict';
    case 'point':
    case 'invalid_point':
      return 'location.badPoint';
    case 'outside_districts':
      return 'location.outside';
    default:
      return 'location.unusable';
  }
}

/**
 * The most specific thing given wins: a district the supporter chose, then a coordinate, then the
 * ZIP, then the state. Malformed values throw the directory's HttpError 400.
 */
export function lookupPlace(directory: Directory, place: Place, geocoder?: AddressResolver | null): LookupResult {
  if (place.district) {
    const result = directory.lookupDistrict(place.district);
    const names = { upper: place.sldu ?? null, lower: place.sldl ?? null };
    return geocoder && (names.upper || names.lower) ? geocoder.withLegislators(result, names) : result;
  }
  if (place.lat !== null && place.lon !== null) return directory.lookupPoint(place.lat, place.lon);
  if (place.zip) return directory.lookupZip(place.zip);
  return directory.lookupState(place.state ?? '');
}

/** The place as query parameters, for links and forms of the next steps. */
export function placeParams(place: Place): Record<string, string> {
  const out: Record<string, string> = {};
  if (place.zip) out.zip = place.zip;
  if (place.state) out.state = place.state;
  if (place.district) out.district = place.district;
  if (place.district && place.sldu) out.sldu = place.sldu;
  if (place.district && place.sldl) out.sldl = place.sldl;
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
