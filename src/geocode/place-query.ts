import type { ResolvedPlace } from './address-result.ts';

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
