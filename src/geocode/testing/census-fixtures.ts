/**
 * Census Geocoder response bodies built from its documentation ("Geocoding Services Web API",
 * JSON Output Format) and the TIGERweb layer fields: `result.input` echoes the benchmark and
 * vintage, each of `result.addressMatches` has `matchedAddress`, `coordinates` {x: lon, y: lat},
 * `tigerLine`, `addressComponents` and, for `geographies/…` requests, `geographies` keyed by
 * layer name. With `layers=all` the other layers come too (States, Counties, Census Tracts, …);
 * the district layers' names carry the Congress ("119th Congressional Districts", field CD119) and
 * the redistricting year ("2024 State Legislative Districts - Upper"). CD "98" is a delegate
 * district (DC) or Puerto Rico's resident commissioner, "00" an at-large state.
 */

export interface CensusPlace {
  matchedAddress: string;
  lon: number;
  lat: number;
  stateFips: string;
  state: string;
  zip: string;
  cd: string;
  /** One row per district: an address in a New Hampshire floterial district is in two. */
  sldu?: LegislativeRow | LegislativeRow[] | null;
  sldl?: LegislativeRow | LegislativeRow[] | null;
}

export interface LegislativeRow {
  code: string;
  name: string;
  basename: string;
}

/** Which vintage's layer names to use, and whether the district layers are there at all. */
export interface CensusVintage {
  congresses?: number[];
  sldYear?: number;
  districtLayers?: boolean;
}

const input = (address: string) => ({
  address: { address },
  benchmark: {
    isDefault: false,
    benchmarkDescription: 'Public Address Ranges - Current Benchmark',
    id: '4',
    benchmarkName: 'Public_AR_Current',
  },
  vintage: {
    isDefault: true,
    vintageName: 'Current_Current',
    vintageDescription: 'Current Vintage - Current Benchmark',
    id: '4',
  },
});

function legislative(stateFips: string, field: 'SLDU' | 'SLDL', d: LegislativeRow) {
  return {
    GEOID: `${stateFips}${d.code}`,
    [field]: d.code,
    BASENAME: d.basename,
    NAME: d.name,
    LSADC: field === 'SLDU' ? 'LU' : 'LL',
    FUNCSTAT: 'N',
    STATE: stateFips,
    MTFCC: field === 'SLDU' ? 'G5210' : 'G5220',
    LDTYP: '',
    OBJECTID: 1201,
    CENTLAT: '+38.9000000',
    CENTLON: '-077.0300000',
    AREALAND: 12_345_678,
    AREAWATER: 0,
  };
}

const ordinal = (n: number) =>
  `${n}${[11, 12, 13].includes(n % 100) ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')}`;
const rowsOf = (d: LegislativeRow | LegislativeRow[] | null) => (d === null ? [] : Array.isArray(d) ? d : [d]);

export function censusMatch(p: CensusPlace, vintage: CensusVintage = {}) {
  const delegate = p.stateFips === '72' ? 'Resident Commissioner District (at Large)' : 'Delegate District (at Large)';
  const cdName =
    p.cd === '98'
      ? delegate
      : p.cd === '00'
        ? 'Congressional District (at Large)'
        : `Congressional District ${Number(p.cd)}`;
  const geographies: Record<string, unknown[]> = {
    States: [{ GEOID: p.stateFips, STATE: p.stateFips, STUSAB: p.state, BASENAME: p.state, NAME: p.state }],
    Counties: [{ GEOID: `${p.stateFips}001`, STATE: p.stateFips, COUNTY: '001', NAME: 'Example County' }],
    'Census Tracts': [
      { GEOID: `${p.stateFips}001000100`, STATE: p.stateFips, TRACT: '000100', NAME: 'Census Tract 1' },
    ],
  };
  if (vintage.districtLayers === false) {
    // A vintage whose district layers Voz cannot find: the rest of the answer is unchanged.
  } else {
    for (const congress of vintage.congresses ?? [119]) {
      geographies[`${ordinal(congress)} Congressional Districts`] = [
        {
          GEOID: `${p.stateFips}${p.cd}`,
          [`CD${congress}`]: p.cd,
          CDSESSN: String(congress),
          BASENAME: p.cd === '98' || p.cd === '00' ? cdName : String(Number(p.cd)),
          NAME: cdName,
          LSADC: p.cd === '98' ? (p.stateFips === '72' ? 'C3' : 'C4') : p.cd === '00' ? 'C1' : 'C2',
          FUNCSTAT: 'N',
          STATE: p.stateFips,
          MTFCC: 'G5200',
          OBJECTID: 301,
          CENTLAT: '+38.9047000',
          CENTLON: '-077.0163000',
          AREALAND: 158_316_000,
          AREAWATER: 18_884_000,
        },
      ];
    }
    const year = vintage.sldYear ?? 2024;
    if (p.sldu !== undefined) {
      geographies[`${year} State Legislative Districts - Upper`] = rowsOf(p.sldu).map((d) =>
        legislative(p.stateFips, 'SLDU', d),
      );
    }
    if (p.sldl !== undefined) {
      geographies[`${year} State Legislative Districts - Lower`] = rowsOf(p.sldl).map((d) =>
        legislative(p.stateFips, 'SLDL', d),
      );
    }
  }
  const [street] = p.matchedAddress.split(',');
  return {
    tigerLine: { side: 'L', tigerLineId: '76225813' },
    coordinates: { x: p.lon, y: p.lat },
    addressComponents: {
      zip: p.zip,
      streetName: street?.replace(/^\d+\s+/, '') ?? '',
      preType: '',
      city: p.matchedAddress.split(',')[1]?.trim() ?? '',
      preDirection: '',
      suffixDirection: '',
      fromAddress: '1500',
      state: p.state,
      suffixType: '',
      toAddress: '1698',
      suffixQualifier: '',
      preQualifier: '',
    },
    matchedAddress: p.matchedAddress,
    geographies,
  };
}

export function censusBody(address: string, matches: CensusPlace[], vintage: CensusVintage = {}) {
  return { result: { input: input(address), addressMatches: matches.map((m) => censusMatch(m, vintage)) } };
}

export const WHITE_HOUSE: CensusPlace = {
  matchedAddress: '1600 PENNSYLVANIA AVE NW, WASHINGTON, DC, 20500',
  lon: -77.03535,
  lat: 38.898754,
  stateFips: '11',
  state: 'DC',
  zip: '20500',
  cd: '98',
  sldu: { code: '002', name: 'Ward 2', basename: 'Ward 2' },
  sldl: null,
};

/** A Sacramento address: CA-7, State Senate District 8, Assembly District 7 (fixture values). */
export const SACRAMENTO: CensusPlace = {
  matchedAddress: '1315 10TH ST, SACRAMENTO, CA, 95814',
  lon: -121.493,
  lat: 38.5767,
  stateFips: '06',
  state: 'CA',
  zip: '95814',
  cd: '07',
  sldu: { code: '008', name: 'State Senate District 8', basename: '8' },
  sldl: { code: '007', name: 'Assembly District 7', basename: '7' },
};

/**
 * An Exeter, New Hampshire address in two State House districts at once: its base district
 * (Rockingham 13) and the floterial district laid over it (Rockingham 37), as the Census
 * Geocoder lists them: two rows of the same layer.
 */
export const EXETER: CensusPlace = {
  matchedAddress: '10 FRONT ST, EXETER, NH, 03833',
  lon: -70.9478,
  lat: 42.9814,
  stateFips: '33',
  state: 'NH',
  zip: '03833',
  cd: '01',
  sldu: { code: '023', name: 'State Senate District 23', basename: '23' },
  sldl: [
    { code: '613', name: 'State House District Rockingham 13', basename: 'Rockingham 13' },
    { code: '637', name: 'State House District Rockingham 37', basename: 'Rockingham 37' },
  ],
};
