import type { Chamber, StateCode } from '../domain.ts';

/**
 * Where a letter after a district number is a seat, not a place. Idaho elects two
 * representatives in each of its 35 legislative districts, one to seat A and one to seat B, over
 * the same territory as the district's senator (Idaho Constitution art. III § 2; the Legislature
 * lists its members by district and seat, "Seat A" and "Seat B"). Open States names them `19A`, `19B`;
 * the Census Geocoder and Geocodio name the district, `19`, so in Idaho a bare district number
 * stands for both of its House seats.
 *
 * Everywhere else in the Open States data a letter marks a territory of its own and a bare number
 * must never reach it: Maryland's House subdistricts (1A, 1B, 1C), Minnesota's House districts
 * (5A, 5B, half a Senate district each), South Dakota's 26A/26B and 28A/28B and North Dakota's
 * 4A/4B (single-member subdistricts inside a two-member district). Washington, New Jersey, Arizona
 * and the rest of the Dakotas elect two representatives per district without letters (Open States
 * names both seats `24`), so they need no rule: the district's name already reaches every seat.
 */
const SEAT_LETTERS: ReadonlyArray<{ state: StateCode; chamber: Chamber }> = [{ state: 'ID', chamber: 'state_lower' }];

export const isSeatLetter = (state: StateCode | null, chamber: Chamber): boolean =>
  SEAT_LETTERS.some((s) => s.state === state && s.chamber === chamber);

/** "19a" → "19": the district of a lettered seat's key; null when the key has no seat letter. */
export function seatLetterBase(key: string): string | null {
  const match = /^(\d+)[ab]$/.exec(key);
  return match ? match[1]! : null;
}
