import type { StateCode } from '../../domain.ts';
import { timeZoneFor } from '../time-zones.ts';
import type { Office } from '../types.ts';

export type Centroids = Record<string, [lat: number, lon: number]>;

export function emptyOffice(id: string, kind: Office['kind']): Office {
  return {
    id,
    kind,
    address: null,
    suite: null,
    building: null,
    city: null,
    state: null,
    zip: null,
    phone: null,
    fax: null,
    hours: null,
    lat: null,
    lon: null,
    timeZone: null,
  };
}

/** `…, Sacramento, CA 95814` → city, state and ZIP, when the address ends that way. */
export function parseCityStateZip(address: string): { city: string | null; state: string | null; zip: string | null } {
  const m = /(?:^|[,;]\s*)([^,;]+?),?\s+([A-Z]{2})\.?,?\s+(\d{5})(?:-\d{0,4})?\s*$/.exec(address.trim());
  if (!m) return { city: null, state: null, zip: /\b(\d{5})(?:-\d{4})?\s*$/.exec(address)?.[1] ?? null };
  return { city: m[1]!.trim(), state: m[2]!, zip: m[3]! };
}

/**
 * Sets an office's time zone from its coordinates, or else from its ZIP's ZCTA centroid, or else
 * the state's main zone.
 */
export function withTimeZone(office: Office, fallbackState: StateCode | null, centroids: Centroids): Office {
  const state = office.state ?? fallbackState;
  if (!state) return office;
  let { lat, lon } = office;
  if ((lat === null || lon === null) && office.zip) {
    const c = centroids[office.zip];
    if (c) [lat, lon] = c;
  }
  return { ...office, timeZone: timeZoneFor(state, lat, lon) };
}
