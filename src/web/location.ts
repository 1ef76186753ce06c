import { z } from 'zod';
import type { StateCode } from '../domain.ts';
import { isStateCode } from '../domain.ts';
import type { AddressResolver } from '../geocode/resolve-address.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';
import type { MessageKey } from './i18n/index.ts';
import { lookupNear } from './near-boundary.ts';

/**
 * Where the supporter is, as carried from step to step in the query string: a ZIP, a state, a
 * House district (`CA-12`), or the districts a device location lies between. None of these is a
 * personal detail on its own, and they make every step a plain link that works without
 * JavaScript or cookies. A coordinate is resolved on the server and never carried (see
 * `pointLink`).
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
  /** The districts a device location is near the boundary of (`near=CA-11,CA-12`): the choice to make. */
  near?: string[];
  /** A street address was looked up and gave no state legislative districts (`sl=none`). */
  noLegislators?: boolean;
}

/**
 * Coordinates are rounded to 0.01° (about 1 km) before any use. The district boundaries are
 * 1:20,000,000 generalisations checked with a 2 km margin (src/lookup/point-index.ts), so finer
 * digits tell the lookup nothing: on the mirror's 26,492 single-district ZCTA points, rounding
 * leaves the wrong exact answers at 15, as unrounded, and asks 18 more supporters to choose.
 */
export const COORDINATE_DECIMALS = 2;
export const roundCoordinate = (value: number): number =>
  Math.round(value * 10 ** COORDINATE_DECIMALS) / 10 ** COORDINATE_DECIMALS;

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
    z.number().min(-limit).max(limit).transform(roundCoordinate).nullable(),
  );
/** House district codes as the pages write them: `CA-12`, `WY-0`. */
const DISTRICT_CODE = /^[A-Z]{2}-\d{1,2}$/;
const MAX_NEAR = 6;

const placeSchema = z.object({
  zip: text(10),
  state: text(40),
  district: text(60),
  lat: coordinate(90),
  lon: coordinate(180),
  sldu: names,
  sldl: names,
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
    sldu: query.getAll('sldu'),
    sldl: query.getAll('sldl'),
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] as keyof typeof PROBLEM_OF | undefined;
    return { ok: false, reason: (field && PROBLEM_OF[field]) ?? 'missing' };
  }
  const near = (query.get('near') ?? '').split(',').filter((code) => code !== '');
  if (near.length > MAX_NEAR || near.some((code) => !DISTRICT_CODE.test(code)))
    return { ok: false, reason: 'district' };
  const place: Place = {
    ...parsed.data,
    ...(near.length > 0 ? { near } : {}),
    ...(query.get('sl') === 'none' ? { noLegislators: true } : {}),
  };
  if ((place.lat === null) !== (place.lon === null)) return { ok: false, reason: 'point' };
  if (!place.zip && !place.state && !place.district && place.lat === null && near.length === 0) {
    return { ok: false, reason: 'missing' };
  }
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
    const names = { upper: place.sldu ?? [], lower: place.sldl ?? [] };
    return geocoder && names.upper.length + names.lower.length > 0 ? geocoder.withLegislators(result, names) : result;
  }
  if (place.lat !== null && place.lon !== null) return directory.lookupPoint(place.lat, place.lon);
  if (place.near && place.near.length > 0) return lookupNear(directory, place.near);
  if (place.zip) return directory.lookupZip(place.zip);
  return directory.lookupState(place.state ?? '');
}

/** The place as query parameters, for links and forms of the next steps. Never a coordinate. */
export function placeParams(place: Place): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (place.zip) out.zip = place.zip;
  if (place.state) out.state = place.state;
  if (place.district) out.district = place.district;
  if (place.district && place.sldu?.length) out.sldu = place.sldu;
  if (place.district && place.sldl?.length) out.sldl = place.sldl;
  if (place.district && place.noLegislators) out.sl = 'none';
  if (!place.district && place.near && place.near.length > 0) out.near = place.near.join(',');
  return out;
}

/**
 * Where a device location leads, as a link that names only districts: the House district the
 * point is in, or the districts it is near the boundary of. Null when it is in no district.
 */
export function pointLink(result: LookupResult): { district: string } | { near: string } | null {
  const house = result.representations.find((r) => r.seat.chamber === 'house')?.seat;
  if (result.confidence === 'exact' && house?.state && house.district !== null) {
    return { district: `${house.state}-${house.district}` };
  }
  const near = result.candidates.map((c) => `${c.state}-${c.district}`);
  return near.length > 0 ? { near: near.join(',') } : null;
}

/** The supporter's state and House district for an action report, as far as the lookup knows them. */
export function reportDivision(result: LookupResult): { state: StateCode | null; district: string | null } {
  const house = result.representations.find((r) => r.seat.chamber === 'house');
  const state = result.state && isStateCode(result.state) ? result.state : null;
  return { state, district: house?.seat.district ?? null };
}
