import { z } from 'zod';
import { badRequest } from '../http/errors.ts';
import type { Directory } from './directory.ts';
import type { LookupResult } from './types.ts';

/**
 * `GET /api/v1/officials` takes exactly one kind of place: `zip`, `state`, `district`, `lat`+`lon`,
 * or `address` (answered by a geocoder, when one is configured). The CLI reads the same kinds.
 */
export type OfficialsQuery =
  | { kind: 'zip'; zip: string }
  | { kind: 'state'; state: string }
  | { kind: 'district'; district: string }
  | { kind: 'point'; lat: number; lon: number }
  | { kind: 'address'; address: string };

const KEYS = ['zip', 'state', 'district', 'lat', 'lon', 'address'] as const;
/**
 * Any plain decimal is accepted, however many digits a device or geocoder prints
 * (37.774929500000014 is a float printed in full); lookupPoint rounds it.
 */
const coordinate = (name: string) =>
  z
    .string()
    .trim()
    .max(40, `${name} is too long: use a decimal number, like 37.7749`)
    .regex(/^[-+]?(\d{1,3}(\.\d*)?|\.\d+)$/, `${name} must be a decimal number, like 37.7749`)
    .transform(Number);

export const officialsQuerySchema = z
  .object({
    zip: z.string().max(20, 'zip is too long: use 5 digits, like 94110').optional(),
    state: z.string().max(60, 'state is too long: use a code like CA or a name').optional(),
    district: z.string().max(120, 'district is too long: use a code like CA-12').optional(),
    lat: coordinate('lat').optional(),
    lon: coordinate('lon').optional(),
    address: z.string().max(300, 'address is too long').optional(),
  })
  .meta({ description: 'Exactly one of zip, state, district, lat and lon together, or address.' });

const EXAMPLE =
  'Give one of zip (e.g. zip=94110), state (state=CA), district (district=CA-12), lat and lon, or a street address (address=…).';

/** Validates the query parameters; throws `HttpError(400)` with a specific message. */
export function parseOfficialsQuery(params: URLSearchParams): OfficialsQuery {
  // A misspelt key (zipcode=, distirct=) would otherwise be answered as if it were not there.
  const unknown = [...new Set(params.keys())].filter((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((key) => `"${key.slice(0, 40)}"`);
    throw badRequest(
      'invalid_query',
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${names.join(', ')}. ${EXAMPLE}`,
    );
  }
  const input: Record<string, string> = {};
  for (const key of KEYS) {
    const values = params.getAll(key);
    if (values.length > 1) throw badRequest('invalid_query', `${key} is given more than once. ${EXAMPLE}`);
    if (values.length === 1) input[key] = values[0]!;
  }
  const parsed = officialsQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'query');
    throw badRequest('invalid_query', issue.message, { [field]: issue.message });
  }
  const q = parsed.data;
  const kinds = [
    q.zip !== undefined && 'zip',
    q.state !== undefined && 'state',
    q.district !== undefined && 'district',
    (q.lat !== undefined || q.lon !== undefined) && 'lat/lon',
    q.address !== undefined && 'address',
  ].filter((k): k is string => k !== false);
  if (kinds.length === 0) throw badRequest('missing_query', `Say where you live. ${EXAMPLE}`);
  if (kinds.length > 1) {
    throw badRequest('invalid_query', `Give only one kind of place, not ${kinds.join(' and ')}. ${EXAMPLE}`);
  }
  if (q.zip !== undefined) return { kind: 'zip', zip: q.zip };
  if (q.state !== undefined) return { kind: 'state', state: q.state };
  if (q.district !== undefined) return { kind: 'district', district: q.district };
  if (q.address !== undefined) return { kind: 'address', address: q.address };
  if (q.lat === undefined || q.lon === undefined) {
    throw badRequest('invalid_query', 'lat and lon go together: give both, like lat=37.7749&lon=-122.4194.');
  }
  return { kind: 'point', lat: q.lat, lon: q.lon };
}

/** Answers every kind but `address`, which needs a geocoder and is answered by the caller. */
export function lookupOfficials(
  directory: Directory,
  query: Exclude<OfficialsQuery, { kind: 'address' }>,
): LookupResult {
  switch (query.kind) {
    case 'zip':
      return directory.lookupZip(query.zip);
    case 'state':
      return directory.lookupState(query.state);
    case 'district':
      return directory.lookupDistrict(query.district);
    case 'point':
      return directory.lookupPoint(query.lat, query.lon);
  }
}
