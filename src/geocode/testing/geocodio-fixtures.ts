/**
 * Geocodio response bodies built from its API reference (v1.x "Geocoding" and "Fields" sections):
 * `input`, then `results[]` with `address_components`, `formatted_address`, `location` {lat, lng},
 * `accuracy`, `accuracy_type`, `source` and the requested `fields`.
 */
export interface GeocodioPlace {
  formatted: string;
  lat: number;
  lng: number;
  state: string;
  zip: string;
  accuracy?: number;
  accuracyType?: string;
  cds: number[];
  house?: Array<{ name: string; number: string; ocd: string | null }>;
  senate?: Array<{ name: string; number: string; ocd: string | null }>;
}

const legislator = (type: string, last: string) => ({
  type,
  bio: { last_name: last, first_name: 'Pat', birthday: null, gender: 'F', party: 'Democrat', photo_url: null },
  contact: { url: null, address: null, phone: null, email: null, contact_form: null },
  social: { rss_url: null, twitter: null, facebook: null, youtube: null, youtube_id: null },
  references: { openstates_id: 'ocd-person/00000000-0000-0000-0000-000000000000' },
  source: 'Legislator data collected by Open States (https://github.com/openstates/)',
});

const sld = (d: { name: string; number: string; ocd: string | null }, type: string) => ({
  name: d.name,
  district_number: d.number,
  ocd_id: d.ocd,
  is_upcoming_state_legislative_district: false,
  proportion: 1,
  current_legislators: [legislator(type, 'Example')],
});

export function geocodioResult(p: GeocodioPlace) {
  const [street, city] = p.formatted.split(',').map((s) => s.trim());
  return {
    address_components: {
      number: street?.split(' ')[0] ?? '',
      street: street?.split(' ').slice(1).join(' ') ?? '',
      formatted_street: street ?? '',
      city: city ?? '',
      county: 'Example County',
      state: p.state,
      zip: p.zip,
      country: 'US',
    },
    address_lines: [street ?? '', '', `${city ?? ''}, ${p.state} ${p.zip}`],
    formatted_address: p.formatted,
    location: { lat: p.lat, lng: p.lng },
    accuracy: p.accuracy ?? 1,
    accuracy_type: p.accuracyType ?? 'rooftop',
    source: 'Example County',
    fields: {
      congressional_districts: p.cds.map((n) => ({
        name: n === 98 ? 'Congressional District (at Large)' : `Congressional District ${n}`,
        district_number: n,
        ocd_id: null,
        congress_number: '119th',
        congress_years: '2025-2027',
        proportion: 1 / p.cds.length,
        current_legislators: [legislator('representative', 'Example')],
      })),
      state_legislative_districts: {
        house: (p.house ?? []).map((d) => sld(d, 'representative')),
        senate: (p.senate ?? []).map((d) => sld(d, 'senator')),
      },
    },
  };
}

export function geocodioBody(query: string, places: GeocodioPlace[]) {
  return {
    input: { address_components: { country: 'US' }, formatted_address: query },
    results: places.map(geocodioResult),
  };
}

export const ARLINGTON: GeocodioPlace = {
  formatted: '1109 N Highland St, Arlington, VA 22201',
  lat: 38.886665,
  lng: -77.094733,
  state: 'VA',
  zip: '22201',
  cds: [8],
  house: [{ name: 'State House District 2', number: '2', ocd: 'ocd-division/country:us/state:va/sldl:2' }],
  senate: [{ name: 'State Senate District 40', number: '40', ocd: 'ocd-division/country:us/state:va/sldu:40' }],
};
