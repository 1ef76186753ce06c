import { isStateCode, type StateCode } from '../domain.ts';

/**
 * Open Civic Data division ids (https://open-civic-data.readthedocs.io/en/latest/proposals/0002.html):
 * lower-case `type:id` pairs joined by `/`. Voz reads the U.S. ones it serves: the country, a state
 * (DC is `district:dc`, territories `territory:pr`), and below it a congressional district (`cd`),
 * a state senate district (`sldu`), a state house district (`sldl`), or a DC Council ward (`ward`).
 */
export interface ParsedDivision {
  id: string;
  state: StateCode | null;
  /** `country`, `state` (also DC and territories), or the sub-division type. */
  level: 'country' | 'state' | 'cd' | 'sldu' | 'sldl' | 'ward';
  /** The sub-division's id (`12`, `chittenden-1`), null at country and state level. */
  name: string | null;
}

export const COUNTRY_DIVISION = 'ocd-division/country:us';

const PATTERN =
  /^ocd-division\/country:us(?:\/(state|district|territory):([a-z]{2})(?:\/(cd|sldu|sldl|ward):([a-z0-9_.~-]{1,60}))?)?$/;

/** Parses a U.S. division id, case-insensitively; null when it is not one Voz knows how to read. */
export function parseOcdId(value: string): ParsedDivision | null {
  const id = value.trim().toLowerCase();
  if (id.length > 200) return null;
  const m = PATTERN.exec(id);
  if (!m) return null;
  if (!m[2]) return { id, state: null, level: 'country', name: null };
  const code = m[2].toUpperCase();
  if (!isStateCode(code)) return null;
  const level = (m[3] as ParsedDivision['level'] | undefined) ?? 'state';
  return { id, state: code, level, name: m[4] ?? null };
}

export const isOcdId = (value: string): boolean => value.trim().toLowerCase().startsWith('ocd-division/');
