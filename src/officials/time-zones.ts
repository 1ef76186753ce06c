import type { StateCode } from '../domain.ts';
import { STATES } from './states.ts';

/**
 * The IANA time zone of an office, for "open now" hints. Most states have one zone (states.ts).
 * For the thirteen states split between zones this uses rough longitude (and latitude) lines that
 * follow the zone boundaries' county lines only approximately (49 CFR part 71), so an office within
 * a few miles of a boundary may get its neighbour's zone. Without coordinates, the state's main zone
 * (that of its capital) is used.
 */
interface Split {
  zone: string;
  applies(lat: number, lon: number): boolean;
}

const SPLITS: Partial<Record<StateCode, Split[]>> = {
  // Eastern panhandle vs. the Central strip west of the Apalachicola River.
  FL: [{ zone: 'America/Chicago', applies: (lat, lon) => lat > 29.6 && lon < -85.05 }],
  // East Tennessee (Knoxville, Chattanooga) is Eastern.
  TN: [{ zone: 'America/New_York', applies: (_lat, lon) => lon > -85.3 }],
  // Western Kentucky (Bowling Green, Paducah, Owensboro) is Central.
  KY: [{ zone: 'America/Chicago', applies: (_lat, lon) => lon < -85.9 }],
  // Indiana's north-west (Gary) and south-west (Evansville) corners are Central.
  IN: [
    { zone: 'America/Chicago', applies: (lat, lon) => lat > 41.0 && lon < -86.75 },
    { zone: 'America/Chicago', applies: (lat, lon) => lat < 38.6 && lon < -86.7 },
  ],
  // Four Upper Peninsula counties bordering Wisconsin are Central.
  MI: [{ zone: 'America/Menominee', applies: (lat, lon) => lat > 45.0 && lon < -87.6 }],
  // El Paso and Hudspeth counties are Mountain.
  TX: [{ zone: 'America/Denver', applies: (_lat, lon) => lon < -104.9 }],
  // The south-west of North Dakota is Mountain.
  ND: [{ zone: 'America/Denver', applies: (lat, lon) => lon < -101.3 && lat < 47.5 }],
  // West River South Dakota (Rapid City) is Mountain.
  SD: [{ zone: 'America/Denver', applies: (_lat, lon) => lon < -100.6 }],
  // The Panhandle west of about 101°W is Mountain.
  NE: [{ zone: 'America/Denver', applies: (_lat, lon) => lon < -101.3 }],
  // Four western counties are Mountain.
  KS: [{ zone: 'America/Denver', applies: (_lat, lon) => lon < -101.5 }],
  // Malheur County is Mountain.
  OR: [{ zone: 'America/Boise', applies: (lat, lon) => lon > -118.2 && lat < 44.6 }],
  // The Panhandle north of the Salmon River is Pacific.
  ID: [{ zone: 'America/Los_Angeles', applies: (lat) => lat > 45.6 }],
  // The western Aleutians are Hawaii–Aleutian.
  AK: [{ zone: 'America/Adak', applies: (_lat, lon) => lon < -169.5 || lon > 170 }],
};

export function timeZoneFor(state: StateCode, lat: number | null, lon: number | null): string {
  if (lat !== null && lon !== null) {
    const split = SPLITS[state]?.find((s) => s.applies(lat, lon));
    if (split) return split.zone;
  }
  return STATES[state].zone;
}
