import type { Chamber, Role, StateCode } from '../../domain.ts';
import type { DirectoryData, DistrictShape, Office, Official, Seat } from '../../officials/types.ts';

/**
 * A small directory for page tests that need no data files: a President, two California
 * senators, a California representative, a vacant California seat, DC's delegate, an exact ZIP,
 * a split ZIP, a cross-state ZIP, DC's 20001 and two rectangular districts for device locations.
 * It goes through the real createDirectory.
 */

const office = (id: string, kind: Office['kind'], phone: string, extra: Partial<Office> = {}): Office => ({
  id,
  kind,
  address: kind === 'dc' ? '1 Capitol Hill' : '90 7th St',
  suite: null,
  building: null,
  city: kind === 'dc' ? 'Washington' : 'San Francisco',
  state: kind === 'dc' ? 'DC' : 'CA',
  zip: kind === 'dc' ? '20510' : '94103',
  phone,
  fax: null,
  hours: null,
  lat: null,
  lon: null,
  timeZone: kind === 'dc' ? 'America/New_York' : 'America/Los_Angeles',
  ...extra,
});

function official(
  id: string,
  name: string,
  role: Role,
  chamber: Chamber,
  title: string,
  state: StateCode | null,
  district: string | null,
  seatId: string,
  divisionId: string,
  extra: Partial<Official> = {},
): Official {
  return {
    id,
    ids: {},
    name,
    givenName: null,
    familyName: null,
    party: 'Independent',
    gender: 'F',
    role,
    chamber,
    title,
    state,
    district,
    divisionId,
    seatId,
    termStart: '2025-01-03',
    termEnd: '2031-01-03',
    senateClass: null,
    stateRank: null,
    offices: [],
    contactForm: null,
    website: null,
    email: null,
    photoUrl: null,
    social: {},
    ...extra,
  };
}

const US = 'ocd-division/country:us';
const CA = `${US}/state:ca`;
const NV = `${US}/state:nv`;
const DC = `${US}/district:dc`;

export function fixtureDirectoryData(): DirectoryData {
  const officials: Official[] = [
    official('PRES', 'Pat Example', 'president', 'executive', 'President', null, null, 'president', US, {
      gender: 'M',
      offices: [office('wh', 'dc', '202-456-1111')],
      contactForm: 'https://www.whitehouse.gov/contact/',
      termEnd: '2029-01-20',
    }),
    official('S000001', 'Sara Senior', 'senator', 'senate', 'Senator', 'CA', null, 'senate:ca:1', CA, {
      senateClass: 1,
      stateRank: 'senior',
      party: 'Democratic',
      offices: [
        office('s1-dc', 'dc', '202-224-3553', { hours: 'Mon-Fri 9am-5:30pm' }),
        office('s1-sf', 'district', '415-403-0100', { hours: 'Monday-Friday 9:00AM-5:00PM', zip: '94104' }),
        office('s1-la', 'district', '310-914-7300', {
          city: 'Los Angeles',
          zip: '90025',
          hours: 'By appointment only',
        }),
      ],
      contactForm: 'https://senior.senate.gov/contact',
      website: 'https://senior.senate.gov',
    }),
    official('S000002', 'Jon Junior', 'senator', 'senate', 'Senator', 'CA', null, 'senate:ca:3', CA, {
      senateClass: 3,
      stateRank: 'junior',
      gender: 'M',
      party: 'Democratic',
      offices: [office('s2-dc', 'dc', '202-224-3841')],
      contactForm: 'https://junior.senate.gov/contact',
    }),
    official(
      'H000011',
      'Rita Rep',
      'representative',
      'house',
      'Representative',
      'CA',
      '11',
      'house:ca:11',
      `${CA}/cd:11`,
      {
        party: 'Democratic',
        offices: [
          office('h11-dc', 'dc', '202-225-4965'),
          office('h11-sf', 'district', '415-556-4862', { zip: '94103', hours: 'Only open Tuesdays and Thursdays' }),
        ],
        website: 'https://rep11.house.gov',
        email: 'rita@example.house.gov',
      },
    ),
    official('H000201', 'Nev Ada', 'representative', 'house', 'Representative', 'NV', '2', 'house:nv:2', `${NV}/cd:2`, {
      party: 'Republican',
      offices: [office('nv2-dc', 'dc', '202-225-6155')],
    }),
    official('N000147', 'Della Gate', 'delegate', 'house', 'Delegate', 'DC', '0', 'house:dc:0', DC, {
      party: 'Democratic',
      offices: [office('dc-dc', 'dc', '202-225-8050')],
      contactForm: 'https://delegate.house.gov/contact',
    }),
  ];
  const seat = (
    id: string,
    chamber: Chamber,
    role: Role,
    state: StateCode | null,
    district: string | null,
    divisionId: string,
    label: string,
    officialId: string | null,
  ): Seat => ({
    id,
    chamber,
    role,
    state,
    district,
    divisionId,
    label,
    officialId,
  });
  const seats: Seat[] = [
    seat('president', 'executive', 'president', null, null, US, 'President of the United States', 'PRES'),
    seat('senate:ca:1', 'senate', 'senator', 'CA', null, CA, 'Senate seat, class 1', 'S000001'),
    seat('senate:ca:3', 'senate', 'senator', 'CA', null, CA, 'Senate seat, class 3', 'S000002'),
    seat(
      'house:ca:11',
      'house',
      'representative',
      'CA',
      '11',
      `${CA}/cd:11`,
      "California's 11th congressional district",
      'H000011',
    ),
    seat(
      'house:ca:12',
      'house',
      'representative',
      'CA',
      '12',
      `${CA}/cd:12`,
      "California's 12th congressional district",
      null,
    ),
    seat(
      'house:nv:2',
      'house',
      'representative',
      'NV',
      '2',
      `${NV}/cd:2`,
      "Nevada's 2nd congressional district",
      'H000201',
    ),
    seat('house:dc:0', 'house', 'delegate', 'DC', '0', DC, 'District of Columbia at-large', 'N000147'),
  ];
  return {
    status: {
      vintage: '2026-11-01',
      importedAt: '2026-11-02T00:00:00Z',
      dataDir: '(fixture)',
      sources: [],
      counts: {},
      warnings: [],
    },
    officials,
    seats,
    zctas: {
      '94110': { lat: 37.75, lon: -122.41, districts: [`${CA}/cd:11`] },
      '94612': { lat: 37.8, lon: -122.27, districts: [`${CA}/cd:12`] },
      '94015': { lat: 37.68, lon: -122.48, districts: [`${CA}/cd:11`, `${CA}/cd:12`] },
      '96107': { lat: 38.5, lon: -119.5, districts: [`${CA}/cd:11`, `${NV}/cd:2`] },
      '20001': { lat: 38.91, lon: -77.02, districts: [DC] },
    },
    // Two neighbouring rectangles for device locations: CA-11 west of −122.35°, CA-12 east of it.
    districts: [
      rectangle(`${CA}/cd:11`, 'CA', '11', -122.52, 37.7, -122.35, 37.83),
      rectangle(`${CA}/cd:12`, 'CA', '12', -122.35, 37.7, -122.1, 37.9),
    ],
  };
}

function rectangle(
  divisionId: string,
  state: StateCode,
  district: string,
  minLon: number,
  minLat: number,
  maxLon: number,
  maxLat: number,
): DistrictShape {
  const ring = [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
  return { divisionId, state, district, bbox: [minLon, minLat, maxLon, maxLat], polygons: [[ring]] };
}

/**
 * The fixture with California's class 3 Senate seat held by someone the data cannot name: the
 * last recorded holder's term ended before the data was published (officials/build/).
 */
export function fixtureDataWithUnknownHolder(): DirectoryData {
  const data = fixtureDirectoryData();
  const seat = data.seats.find((s) => s.id === 'senate:ca:3')!;
  seat.officialId = null;
  seat.holderUnknown = {
    reason: 'term_ended_before_data',
    note: 'The last recorded holder’s term ended before the data was published.',
    website: 'https://www.senate.gov/',
    phone: '202-224-3121',
  };
  data.officials = data.officials.filter((o) => o.seatId !== 'senate:ca:3');
  return data;
}
