import type { DataStatus, LookupResult, Official, Representation, Seat } from './types.ts';

/**
 * The in-memory directory of officials, built once from `DirectoryData` at start-up and shared by
 * the API, the pages and the CLI. Lookups are synchronous and allocation-light: they are the hot
 * path of a viral campaign.
 *
 * Malformed input (e.g. ZIP "ABCDE", latitude 91) throws `HttpError(400, …)`; well-formed input
 * that matches nothing (ZIP "99999") answers with `confidence: 'unknown_zip'`, or 404 for ids.
 */
export interface Directory {
  readonly status: DataStatus;
  /** Changes whenever answers may change (a recorded term end has passed); caches of answers key on it. */
  revision(): number;
  lookupZip(zip: string): LookupResult;
  lookupState(state: string): LookupResult;
  lookupDistrict(district: string): LookupResult;
  lookupPoint(lat: number, lon: number): LookupResult;
  /** Answer for known divisions, e.g. from a geocoded address (House district and state legislative districts). */
  lookupDivisions(divisionIds: string[], query: LookupResult['query']): LookupResult;
  /** A ZIP's ZCTA internal point (Census TIGER), or null when the ZIP is no ZCTA. */
  locateZip(zip: string): { lat: number; lon: number } | null;
  findOfficial(id: string): Official | null;
  findSeat(id: string): Seat | null;
  /** An official's seat, or a seat by its id, with the vacancy and out-of-date flags of today. */
  findRepresentation(id: string): Representation | null;
  /** All seats of a division (a state has senators, a governor, maybe an at-large member). */
  findDivision(divisionId: string): { divisionId: string; name: string; representations: Representation[] } | null;
}
