import type { ResolvedPlace, StateLegislatorStatus } from './address-result.ts';

/**
 * A resolved place as the query parameters a page links to: `district=NH-1&sldl=Rockingham 13&
 * sldl=Rockingham 37`. Each legislative district is its own repeated `sldu`/`sldl` parameter, so a
 * link made when Voz carried one district per chamber (`sldl=24`) still reads the same way.
 */
export function placeQuery(place: ResolvedPlace): { district: string; sldu: string[]; sldl: string[] } {
  return { district: place.district, sldu: place.upper, sldl: place.lower };
}

/** "CA-7" stays "CA-7"; an at-large or delegate seat ("AK-0", "DC-0") reads "AK-AL". */
export const districtLabel = (district: string): string => district.replace(/-0$/, '-AL');

/** The ZIP the supporter already gave helps the geocoder when the typed address leaves it out. */
export function addressWithZip(typed: string, zip: string | null): string {
  const address = typed.trim();
  return zip && !/\b\d{5}(-\d{4})?$/.test(address) ? `${address}, ${zip}` : address;
}

/**
 * The matched place as the officials step's link, with `sl=none` when the address gave no state
 * legislators: the next pages say so rather than ask for the address again.
 */
export function matchedPlaceQuery(place: ResolvedPlace, stateLegislators: StateLegislatorStatus) {
  const sl = stateLegislators === 'matched' || stateLegislators === 'partial' ? null : 'none';
  return { ...placeQuery(place), sl };
}
