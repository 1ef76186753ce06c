/**
 * Geocodio response bodies built from its API reference (v1.x "Geocoding" and "Data Appends"
 * sections): `input`, then `results[]` with `address_components`, `formatted_address`, `location`
 * {lat, lng}, `accuracy`, `accuracy_type`, `source` and the requested `fields`. Congressional
 * districts follow the Census Bureau's convention, as the reference says: a state with one seat
 * is `district_number` 0 ("Congressional District (at Large)"), a non-voting delegate's district
 * 98 ("Delegate District (at Large)"); `ocd_id` is given for the current Congress. Voz was not
 * able to check the at-large `ocd_id` against a live answer: the fixture uses the `…/cd:1` alias
 * that Open Civic Data lists for a one-district state, which Voz must not read as district 1.
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

/** The OCD id of a House district: a delegate's is its jurisdiction's, an at-large seat's the `cd:1` alias. */
function cdOcdId(state: string, n: number): string {
  const code = state.toLowerCase();
  if (state === 'DC') return 'ocd-division/country:us/district:dc';
  if (n === 98) return `ocd-division/country:us/territory:${code}`;
  return `ocd-division/country:us/state:${code}/cd:${n === 0 ? 1 : n}`;
}

const cdName = (n: number) =>
  n === 98
    ? 'Delegate District (at Large)'
    : n === 0
      ? 'Congressional District (at Large)'
      : `Congressional District ${n}`;

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
        name: cdName(n),
        district_number: n,
        ocd_id: cdOcdId(p.state, n),
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
