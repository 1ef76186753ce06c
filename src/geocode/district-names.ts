import type { Chamber, OcdId, StateCode } from '../domain.ts';
import { isSeatLetter, seatLetterBase } from './seat-letters.ts';
import type { DistrictLabel } from './types.ts';

/**
 * Matches a geocoder's state legislative district to the districts Open States publishes. The
 * two name the same district differently: Census "State Senate District 12" or code "012" vs
 * Open States "12"; "011B" vs "11B"; Massachusetts "1st Middlesex" vs "First Middlesex";
 * Vermont "Chittenden-Southeast" vs "Chittenden Southeast"; DC "Ward 2". Names are reduced to a
 * key (lower case, boilerplate words dropped, ordinals as numbers, zero padding removed); when no
 * key matches, the same words in another order are accepted if exactly one district has them.
 * Seats that cover the whole jurisdiction (DC and Puerto Rico "At-Large", the DC Council
 * "Chairman") represent every address in it. Voz never guesses: an unmatched name is reported.
 *
 * A provider may name several districts of one chamber for one address: a New Hampshire floterial
 * district overlaps the base districts it joins, so an address in "Rockingham 13" is also in
 * "Rockingham 37" and has both districts' members. Every label is matched; the match says which
 * names it could not place.
 */

export interface LegislativeSeat {
  /** Seat id (`sldu:ca:12`): multi-member districts have one seat per member. */
  id: string;
  divisionId: OcdId;
  state: StateCode | null;
  chamber: Chamber;
  district: string | null;
}

export type LegislativeMatch =
  | {
      status: 'matched';
      divisionIds: OcdId[];
      seatIds: string[];
      /** The matched districts as Open States names them, in the provider's order. */
      districts: string[];
      /** Provider names that matched no district (the others still stand). */
      unmatched: string[];
    }
  | { status: 'unmatched'; names: string[] }
  | { status: 'none' };

const UNITS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };
const TENS_ORDINAL: Record<string, number> = { twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50 };

/** "first" → 1, "twenty-third" → 23, "37th" → 37; null when the word is not an ordinal. */
function ordinalValue(word: string): number | null {
  const numeric = /^(\d+)(st|nd|rd|th)$/.exec(word);
  if (numeric) return Number(numeric[1]);
  const unit = UNITS.indexOf(word);
  if (unit > 0) return unit;
  if (word in TENS_ORDINAL) return TENS_ORDINAL[word]!;
  const compound = /^(twenty|thirty|forty|fifty)-?(\w+)$/.exec(word);
  if (compound) {
    const rest = UNITS.indexOf(compound[2]!);
    if (rest > 0 && rest < 10) return TENS[compound[1]!]! + rest;
  }
  return null;
}

/** Words that label the kind of district rather than name it. */
const BOILERPLATE =
  /\b(state|senate|senatorial|house|assembly|legislative|delegates?|representative|of|district|dist|ward|county|sub-?district)\b/g;

export function districtKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(
      /\b(twenty|thirty|forty|fifty)[\s-]+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/g,
      '$1$2',
    )
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => {
      const ordinal = ordinalValue(w);
      return ordinal === null ? w : String(ordinal);
    })
    .join(' ')
    .replace(BOILERPLATE, ' ');
  return words
    .split(' ')
    .filter(Boolean)
    .map((w) => (/^0+[0-9a-z]/.test(w) ? w.replace(/^0+/, '') : w))
    .join(' ');
}

/** The same words in any order, "and" aside: "Hampden and Hampshire" = "Hampshire and Hampden". */
const wordSet = (key: string): string =>
  key
    .split(' ')
    .filter((w) => w !== 'and')
    .sort()
    .join(' ');

const WHOLE_JURISDICTION = new Set(['at large', 'chairman', 'chair', 'chairperson']);
export const isWholeJurisdiction = (district: string): boolean => WHOLE_JURISDICTION.has(districtKey(district));

const CHAMBERS: Record<'upper' | 'lower', Chamber[]> = {
  upper: ['state_upper', 'state_legislature'],
  lower: ['state_lower', 'state_legislature'],
};

interface Entry {
  key: string;
  words: string;
  /** For a lettered seat ("19a" in Idaho): the key of its district ("19"), which names all its seats. */
  seatOf: string | null;
  district: string;
  divisionId: OcdId;
  seatId: string;
  whole: boolean;
}

export class LegislativeIndex {
  private readonly byState = new Map<string, Entry[]>();

  constructor(seats: Iterable<LegislativeSeat>) {
    for (const seat of seats) {
      if (!seat.state || !seat.district) continue;
      if (!CHAMBERS.upper.includes(seat.chamber) && !CHAMBERS.lower.includes(seat.chamber)) continue;
      const key = districtKey(seat.district);
      const id = `${seat.state}:${seat.chamber}`;
      const list = this.byState.get(id) ?? [];
      list.push({
        key,
        words: wordSet(key),
        seatOf: isSeatLetter(seat.state, seat.chamber) ? seatLetterBase(key) : null,
        district: seat.district,
        divisionId: seat.divisionId,
        seatId: seat.id,
        whole: WHOLE_JURISDICTION.has(key),
      });
      this.byState.set(id, list);
    }
  }

  /** Whether Voz has any legislators for this state and chamber (else there is nothing to match). */
  hasChamber(state: StateCode, chamber: 'upper' | 'lower'): boolean {
    return CHAMBERS[chamber].some((c) => this.byState.has(`${state}:${c}`));
  }

  match(state: StateCode, chamber: 'upper' | 'lower', labels: DistrictLabel[] | null): LegislativeMatch {
    if (labels === null || labels.length === 0) return { status: 'none' };
    const entries = CHAMBERS[chamber].flatMap((c) => this.byState.get(`${state}:${c}`) ?? []);
    const districts = entries.filter((e) => !e.whole);
    const found: Entry[] = [];
    const unmatched: string[] = [];
    for (const label of labels) {
      // In a stable order, so a page's link for the same address is always the same link.
      const hits = findLabel(districts, label).sort(
        (a, b) => a.district.localeCompare(b.district) || a.seatId.localeCompare(b.seatId),
      );
      if (hits.length === 0) unmatched.push(label.names[0] ?? label.code ?? '');
      for (const hit of hits) if (!found.includes(hit)) found.push(hit);
    }
    if (found.length === 0) return { status: 'unmatched', names: unmatched };
    const all = [...found, ...entries.filter((e) => e.whole)];
    return {
      status: 'matched',
      divisionIds: [...new Set(all.map((e) => e.divisionId))],
      seatIds: all.map((e) => e.seatId),
      districts: [...new Set(found.map((e) => e.district))],
      unmatched,
    };
  }
}

/** The districts one provider label names: by key, then by a seat letter's district, then by reordered words. */
function findLabel(districts: Entry[], label: DistrictLabel): Entry[] {
  const candidates = [...label.names, ...(label.code ? [label.code] : [])];
  const keys = [...new Set(candidates.map(districtKey).filter(Boolean))];
  const exact = districts.filter((e) => keys.includes(e.key));
  if (exact.length > 0) return exact;
  const seats = districts.filter((e) => e.seatOf !== null && keys.includes(e.seatOf));
  if (seats.length > 0) return seats;
  const sets = new Set(keys.map(wordSet));
  const byWords = districts.filter((e) => sets.has(e.words));
  // Reordered words are accepted only when they point at a single district.
  return new Set(byWords.map((e) => e.key)).size === 1 ? byWords : [];
}
