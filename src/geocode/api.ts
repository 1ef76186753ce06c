import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';
import { type AddressLookupResult, type AddressResolver, lookupAddress } from './resolve-address.ts';

/**
 * `GET /api/v1/officials?address=…`: the lookup answer plus an `address` block saying how the
 * address was resolved. When nothing can be shown (no match and no ZIP to fall back on, the
 * geocoder down and no ZIP, matches in several states) it answers with the error shape instead.
 */

export const addressInfoSchema = z
  .object({
    status: z.enum(['matched', 'multiple', 'near_boundary', 'no_match', 'unavailable']).meta({
      description:
        'near_boundary: the geocoder gave only a point, too close to a district line to place; the answer lists the candidates',
    }),
    provider: z.enum(['census', 'geocodio', 'nominatim']).nullable(),
    matchedAddress: z.string().nullable().meta({
      description:
        'The address as the geocoder understood it; null when the answer comes from a recent lookup, which Voz remembers without the address',
    }),
    fallback: z
      .enum(['zip', 'state'])
      .nullable()
      .meta({ description: 'When not matched: the answer is for the ZIP in the address, or for the one state' }),
    zip: z.string().nullable(),
    choices: z.array(z.object({ address: z.string(), district: z.string().nullable() })),
    stateLegislators: z
      .enum(['matched', 'partial', 'unmatched', 'not_provided', 'none'])
      .meta({ description: 'partial: some of the legislative districts the geocoder named could not be matched' }),
    message: z.string().nullable(),
  })
  .meta({ description: 'How a street address was resolved. The address itself is not stored.' });

export type AddressInfo = z.infer<typeof addressInfoSchema>;
export type AddressAnswer = LookupResult & { address: AddressInfo };

export function addressInfo(r: AddressLookupResult): AddressInfo {
  return {
    status: r.status,
    provider: r.provider,
    matchedAddress: r.matchedAddress,
    fallback: r.fallback,
    zip: r.zip,
    choices: r.choices.map(({ address, district }) => ({ address, district })),
    stateLegislators: r.stateLegislators,
    message: r.message,
  };
}

/** Seconds a client should wait before asking again when the geocoder is unavailable. */
const RETRY_AFTER_S = '30';
const OUTAGE = 'address_lookup_unavailable';

/**
 * A geocoder outage with no ZIP to fall back on answers 503, but it is no fault in Voz: a service
 * Voz does not run is down, and the guarded geocoder has logged that as a warning. The error
 * handler's line for it is a warning too, so errors in the log stay Voz's own.
 */
export const isAddressOutage = (err: Error): boolean =>
  err instanceof HttpError && err.status === 503 && err.code === OUTAGE;
export const outageLogger = (logger: Logger): Logger => ({ ...logger, error: logger.warn });

export async function answerAddress(
  address: string,
  deps: { geocoder?: AddressResolver | null; directory: Directory },
): Promise<AddressAnswer> {
  const resolved = await lookupAddress(address, deps);
  if (resolved.result) return { ...resolved.result, address: addressInfo(resolved) };
  switch (resolved.status) {
    case 'unavailable':
      throw new HttpError(503, OUTAGE, resolved.message ?? 'Address lookup is not available.', {
        'Retry-After': RETRY_AFTER_S,
      });
    case 'multiple': {
      const listed = resolved.choices
        .slice(0, 5)
        .map((c) => (c.district ? `${c.address} (${c.district})` : c.address))
        .join('; ');
      throw new HttpError(
        422,
        'address_ambiguous',
        `That address matches more than one place: ${listed}. Add the city, state and ZIP code.`,
      );
    }
    default:
      throw new HttpError(404, 'address_not_found', resolved.message ?? 'We could not find that street address.');
  }
}
