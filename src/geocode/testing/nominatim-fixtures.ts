/**
 * Nominatim `format=jsonv2` search results, built from its "Place Output" documentation: an
 * array of places with string `lat`/`lon`, `display_name`, `category`, `type`, `place_rank`,
 * `addresstype`, `boundingbox` and, with `addressdetails=1`, an `address` object. OpenStreetMap
 * files the territories as countries of their own (`country_code` "pr", "gu", …).
 */
export interface NominatimPlace {
  lat: string;
  lon: string;
  display: string;
  rank: number;
  postcode?: string;
  stateIso?: string;
  /** ISO 3166-1 code as OpenStreetMap gives it; "us" unless a territory. */
  countryCode?: string;
}

const TERRITORIES: Record<string, string> = {
  pr: 'Puerto Rico',
  gu: 'Guam',
  vi: 'United States Virgin Islands',
  as: 'American Samoa',
  mp: 'Northern Mariana Islands',
};

export function nominatimPlace(p: NominatimPlace, i = 0) {
  return {
    place_id: 307_000_000 + i,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    osm_type: 'way',
    osm_id: 238_241_022 + i,
    lat: p.lat,
    lon: p.lon,
    category: p.rank >= 28 ? 'building' : 'highway',
    type: p.rank >= 28 ? 'yes' : 'residential',
    place_rank: p.rank,
    importance: 0.3,
    addresstype: p.rank >= 28 ? 'building' : 'road',
    name: '',
    display_name: p.display,
    address: {
      road: 'Example Street',
      city: 'Example',
      ...(p.countryCode && p.countryCode !== 'us' ? {} : { state: 'Example', 'ISO3166-2-lvl4': p.stateIso ?? 'US-DC' }),
      postcode: p.postcode ?? '20500',
      country: TERRITORIES[p.countryCode ?? 'us'] ?? 'United States',
      country_code: p.countryCode ?? 'us',
    },
    boundingbox: [p.lat, p.lat, p.lon, p.lon],
  };
}

export const nominatimBody = (places: NominatimPlace[]) => places.map(nominatimPlace);

export const WHITE_HOUSE_OSM: NominatimPlace = {
  lat: '38.8976997',
  lon: '-77.0365532',
  display: 'White House, 1600, Pennsylvania Avenue Northwest, Washington, District of Columbia, 20500, United States',
  rank: 30,
};
