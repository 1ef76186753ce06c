import { badRequest, notFound } from '../http/errors.ts';
import type { LookupQuery, LookupResult } from '../officials/types.ts';
import { answerAmbiguous, answerDistrict } from './answers.ts';
import { certainDivisions, messages, result, sortCandidates, stateOfDivision } from './assemble.ts';
import type { Blocks } from './blocks.ts';
import type { PointAnswer, PointIndex } from './point-index.ts';

/**
 * Six decimals of a degree are about 11 cm, far finer than the boundaries (or any geocoder), so
 * digits beyond them change nothing but the echo of the query.
 */
const roundCoordinate = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Throws 400 unless the point is a latitude and longitude on the globe. */
export function validatePoint(rawLat: number, rawLon: number): void {
  if (!Number.isFinite(rawLat) || rawLat < -90 || rawLat > 90) {
    throw badRequest('invalid_point', 'Latitude must be a number from -90 to 90.');
  }
  if (!Number.isFinite(rawLon) || rawLon < -180 || rawLon > 180) {
    throw badRequest('invalid_point', 'Longitude must be a number from -180 to 180.');
  }
}

/** The answer for a point `validatePoint` accepted, from where the boundary map puts it. */
export function answerPoint(parts: Blocks, points: PointIndex, rawLat: number, rawLon: number): LookupResult {
  const lat = roundCoordinate(rawLat);
  const lon = roundCoordinate(rawLon);
  const query: LookupQuery = { kind: 'point', value: `${lat},${lon}` };
  const found = points.locate(lat, lon);
  switch (found.kind) {
    case 'inside':
      return found.nearby.length === 0
        ? answerDistrict(parts, query, found.divisionId)
        : answerAmbiguous(parts, query, [found.divisionId, ...found.nearby], 'near_boundary');
    case 'near':
      return answerAmbiguous(parts, query, found.nearby, 'near_boundary');
    case 'off_map':
      return answerOffMap(parts, query, found);
    case 'territory':
      return answerDistrict(
        parts,
        query,
        found.divisionId,
        messages.territoryByNearestZip(stateOfDivision(found.divisionId)!, found.zcta),
      );
    case 'outside':
      throw notFound(
        'outside_districts',
        'This location is not inside any U.S. congressional district. Enter a ZIP code or street address instead.',
      );
  }
}

/**
 * A point outside every polygon (a coast, an island the 1:20m map dropped): one district is
 * answered as near_boundary with its member, since the map cannot be sure; several are candidates.
 */
function answerOffMap(
  parts: Blocks,
  query: LookupQuery,
  found: Extract<PointAnswer, { kind: 'off_map' }>,
): LookupResult {
  const candidates = sortCandidates(found.divisionIds.map((id) => parts.candidate(id)));
  const message = messages.offMap(candidates, found.zcta, found.distanceKm);
  if (candidates.length > 1) {
    const answer = answerAmbiguous(parts, query, found.divisionIds, 'near_boundary');
    return result(
      query,
      answer.confidence,
      message,
      answer.state,
      answer.divisions,
      candidates,
      answer.representations,
    );
  }
  const block = parts.district(candidates[0]!.divisionId);
  return result(
    query,
    'near_boundary',
    message,
    block.state,
    certainDivisions(block.state),
    candidates,
    block.representations,
  );
}
