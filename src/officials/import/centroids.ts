import { z } from 'zod';
import { type JsonPosition, jsonKeyPositions, jsonLineOf } from './json-lines.ts';
import type { Problems } from './problems.ts';
import { parseJson, readText } from './read.ts';

/**
 * zcta-centroids/zcta_latloncentroid_2020.json (https://github.com/cooperjaXC/zip-codes, Apache-2.0;
 * Census TIGER 2020 ZCTA internal points): `{"<zcta>": ["<lat>", "<lon>"], …}` with string numbers.
 */
export const CENTROIDS_FILE = 'zcta-centroids/zcta_latloncentroid_2020.json';

const coordinate = z.string().regex(/^[+-]?\d{1,3}(\.\d+)?$/, 'not a decimal number');
const entrySchema = z.tuple([coordinate, coordinate]);

export async function readCentroids(
  dataDir: string,
  problems: Problems,
): Promise<Record<string, [lat: number, lon: number]> | null> {
  const text = await readText(dataDir, CENTROIDS_FILE, problems);
  if (text === null) return null;
  const value = parseJson(text, CENTROIDS_FILE, problems);
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.add(CENTROIDS_FILE, 1, 'expected an object of ZCTA → [lat, lon]', 'fatal');
    return null;
  }
  // Computed only when there is a problem to report.
  let positions: Map<string, JsonPosition> | null = null;
  const positionOf = (zcta: string) => {
    positions ??= jsonKeyPositions(text);
    return positions.get(zcta);
  };
  const lineOf = (zcta: string, path: readonly PropertyKey[] = []) => {
    const position = positionOf(zcta);
    return position ? (jsonLineOf(text, position, path) ?? position.line) : null;
  };
  const out: Record<string, [number, number]> = {};
  for (const [zcta, entry] of Object.entries(value)) {
    if (!/^\d{5}$/.test(zcta)) {
      problems.add(CENTROIDS_FILE, lineOf(zcta), `ZCTA "${zcta}" is not five digits`);
      continue;
    }
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      problems.addZod(CENTROIDS_FILE, lineOf(zcta), parsed.error, `ZCTA ${zcta}`, {
        lineOf: (path) => lineOf(zcta, path),
      });
      continue;
    }
    const lat = Number(parsed.data[0]);
    const lon = Number(parsed.data[1]);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      problems.add(CENTROIDS_FILE, lineOf(zcta), `ZCTA ${zcta}: coordinates out of range (${lat}, ${lon})`);
      continue;
    }
    out[zcta] = [lat, lon];
  }
  return out;
}
