/**
 * Census Geocoder response bodies built from its documentation ("Geocoding Services Web API",
 * JSON Output Format) and the TIGERweb layer fields: `result.input` echoes the benchmark and
 * vintage, each of `result.addressMatches` has `matchedAddress`, `coordinates` {x: lon, y: lat},
 * `tigerLine`, `addressComponents` and, for `geographies/…` requests, `geographies` keyed by
 * layer name.
 */

export interface CensusPlace {
  matchedAddress: string;
  lon: number;
  lat: number;
  stateFips: string;
  state: string;
  zip: string;
  cd: string;
  sldu?: { code: string; name: string; basename: string } | null;
  sldl?: { code: string; name: string; basename: string } | null;
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

function legislative(stateFips: string, field: 'SLDU' | 'SLDL', d: { code: string; name: string; basename: string }) {
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

export function censusMatch(p: CensusPlace) {
  const cdName =
    p.cd === '98'
      ? 'Delegate District (at Large)'
      : p.cd === '00'
        ? 'Congressional District (at Large)'
        : `Congressional District ${Number(p.cd)}`;
  const geographies: Record<string, unknown[]> = {
    '119th Congressional Districts': [
      {
        GEOID: `${p.stateFips}${p.cd}`,
        CD119: p.cd,
        CDSESSN: '119',
        BASENAME: p.cd === '98' || p.cd === '00' ? cdName : String(Number(p.cd)),
        NAME: cdName,
        LSADC: p.cd === '98' ? 'C4' : 'C2',
        FUNCSTAT: 'N',
        STATE: p.stateFips,
        MTFCC: 'G5200',
        OBJECTID: 301,
        CENTLAT: '+38.9047000',
        CENTLON: '-077.0163000',
        AREALAND: 158_316_000,
        AREAWATER: 18_884_000,
      },
    ],
  };
  if (p.sldu !== undefined) {
    geographies['2024 State Legislative Districts - Upper'] = p.sldu ? [legislative(p.stateFips, 'SLDU', p.sldu)] : [];
  }
  if (p.sldl !== undefined) {
    geographies['2024 State Legislative Districts - Lower'] = p.sldl ? [legislative(p.stateFips, 'SLDL', p.sldl)] : [];
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

export function censusBody(address: string, matches: CensusPlace[]) {
  return { result: { input: input(address), addressMatches: matches.map(censusMatch) } };
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
