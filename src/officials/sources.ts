import { BOUNDARIES_FILE } from './import/boundaries.ts';
import { CENTROIDS_FILE } from './import/centroids.ts';
import { CONGRESS_FILES } from './import/congress.ts';
import { OPENSTATES_DIR } from './import/openstates.ts';
import { ZCCD_FILE } from './import/zccd.ts';

/**
 * Where each data file comes from. `voz data sync --from upstream` fetches these URLs; a directory
 * or base URL laid out like the mirror (`congress-legislators/…`, `zip-district/…`, …) works too.
 * Files that do not change with the roster are pinned to the commit the mirror was taken from.
 */
export interface SourceDefinition {
  key: 'congress' | 'zip-district' | 'zcta-centroids' | 'district-boundaries' | 'openstates';
  name: string;
  repository: string;
  license: string;
  /** Data-dir-relative path → upstream URL. */
  files: Record<string, string>;
}

const CONGRESS_PAGES = 'https://unitedstates.github.io/congress-legislators/';
const raw = (repo: string, ref: string, file: string) => `https://raw.githubusercontent.com/${repo}/${ref}/${file}`;

export const SOURCES: readonly SourceDefinition[] = [
  {
    key: 'congress',
    name: 'congress-legislators',
    repository: 'https://github.com/unitedstates/congress-legislators',
    license: 'CC0-1.0',
    files: Object.fromEntries(
      Object.values(CONGRESS_FILES).map((f) => [
        f,
        new URL(f.replace('congress-legislators/', ''), CONGRESS_PAGES).href,
      ]),
    ),
  },
  {
    key: 'zip-district',
    name: 'us-zipcodes-congress (ZCTA → 119th Congress district)',
    repository: 'https://github.com/OpenSourceActivismTech/us-zipcodes-congress',
    license: 'U.S. Government work (data); MIT (scripts, not used)',
    files: {
      [ZCCD_FILE]: raw(
        'OpenSourceActivismTech/us-zipcodes-congress',
        '1335b61ff36b6835a25fc63c754070a6148110e7',
        'zccd.csv',
      ),
    },
  },
  {
    key: 'zcta-centroids',
    name: 'zip-codes (2020 ZCTA internal points)',
    repository: 'https://github.com/cooperjaXC/zip-codes',
    license: 'Apache-2.0 (Census TIGER values: public domain)',
    files: {
      [CENTROIDS_FILE]: raw(
        'cooperjaXC/zip-codes',
        '697cdea5d49e5a650ca8b205701ac250ff1fc26e',
        'json/zcta_latloncentroid_2020.json',
      ),
    },
  },
  {
    key: 'district-boundaries',
    name: 'Census cb_2024_us_cd119_20m (via policyengine-app-v2)',
    repository: 'https://github.com/PolicyEngine/policyengine-app-v2',
    license: 'Public domain (U.S. Census Bureau); the repository states no licence',
    files: {
      [BOUNDARIES_FILE]: raw(
        'PolicyEngine/policyengine-app-v2',
        '342555089e2c1433749d02a2d6ab9a0ca48f1213',
        'app/public/data/geojson/congressional_districts.geojson',
      ),
    },
  },
  {
    key: 'openstates',
    name: 'Open States people',
    repository: 'https://github.com/openstates/people',
    license: 'CC0-1.0',
    // One file per person upstream; sync reads the repository archive and bundles each folder.
    files: { [OPENSTATES_DIR]: 'https://codeload.github.com/openstates/people/tar.gz/refs/heads/main' },
  },
];

export const sourceByKey = (key: SourceDefinition['key']): SourceDefinition => SOURCES.find((s) => s.key === key)!;
