import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import { parseHouseDivision } from '../divisions.ts';
import type { ImportedSources } from '../import/read-sources.ts';
import type { DegradedStatus, DirectoryData, Official, Seat } from '../types.ts';
import { crossCheckZctas } from './crosswalk-check.ts';
import { isoDay } from './dates.ts';
import { chooseExecutives } from './executive.ts';
import { congressSeats } from './federal-seats.ts';
import { memberOfficial } from './members.ts';
import { publishedOn } from './published.ts';
import { markSkipped } from './skipped.ts';
import { chooseStateOfficials } from './state-officials.ts';
import { dataStatus } from './status.ts';
import { buildZctas } from './zctas.ts';

/** `ocd-division/country:us/state:sd` → "SD-AL", `…/state:co/cd:3` → "CO-3". */
function districtName(divisionId: string): string {
  const house = parseHouseDivision(divisionId);
  return house ? `${house.state}-${house.district === 0 ? 'AL' : house.district}` : divisionId;
}

/**
 * Turns validated sources into the directory as of the clock's today: who holds each seat, which
 * seats are vacant, which terms have ended, and the counts and warnings for `DataStatus`.
 */
export function assembleDirectory(
  sources: ImportedSources,
  options: { config: Config; clock: Clock; dataDir: string; degraded?: DegradedStatus | null },
): DirectoryData {
  const today = isoDay(options.clock.now());
  const published = publishedOn(sources, today);
  const warnings: string[] = [];
  const seats = congressSeats();
  const seatById = new Map(seats.map((s) => [s.id, s]));
  const officials: Official[] = [];

  for (const member of sources.congress.members) {
    const official = memberOfficial(member, sources.congress, sources.centroids);
    const seat = seatById.get(official.seatId);
    if (!seat) {
      warnings.push(`${official.name} (${official.id}) holds ${official.seatId}, which is not a seat: skipped`);
      continue;
    }
    if (published.congress && official.termEnd && official.termEnd < published.congress) {
      // Over before the data was written (legislators-current normally drops such members).
      if (!seat.officialId) {
        seat.holderUnknown = {
          reason: 'term_ended_before_data',
          note: `The last recorded member's term (${official.name}) ended ${official.termEnd}, before the data was published (${published.congress}); the data does not say who holds the seat now.`,
          website: null,
          phone: null,
        };
      }
      warnings.push(`${official.name} (${official.id}): term ended ${official.termEnd}, before the data; not shown`);
      continue;
    }
    if (seat.officialId) {
      const other = officials.find((o) => o.id === seat.officialId)!;
      warnings.push(`${official.name} and ${other.name} both hold ${seat.id}; keeping the later term`);
      if ((other.termStart ?? '') >= (official.termStart ?? '')) continue;
      officials.splice(officials.indexOf(other), 1);
    }
    if (seat.holderUnknown) seat.holderUnknown = null;
    seat.officialId = official.id;
    officials.push(official);
    if (official.termEnd && official.termEnd <= today) {
      warnings.push(
        `${official.title} ${official.name} (${official.state}): recorded term ended ${official.termEnd}; may be out of date`,
      );
    }
  }

  const executives = chooseExecutives(sources.congress.executives, today, options.config, published.congress);
  warnings.push(...executives.warnings);
  const states = chooseStateOfficials(sources.openstates, today, sources.centroids, published.openstates);
  if (states.endedBeforeData.length > 0) {
    warnings.push(
      `${states.endedBeforeData.length} state seats are shown as "current holder not in the data": their last recorded holder's term ended before the data was published (${states.endedBeforeData.slice(0, 12).join('; ')}${states.endedBeforeData.length > 12 ? '; …' : ''})`,
    );
  }
  const known = new Set(officials.map((o) => o.id));
  const allSeats: Seat[] = [...executives.seats, ...seats];
  for (const o of [...executives.officials, ...states.officials]) {
    if (known.has(o.id)) {
      warnings.push(`${o.name} (${o.id}) appears twice; keeping ${o.seatId === 'president' ? 'both' : 'the first'}`);
      continue;
    }
    known.add(o.id);
    officials.push(o);
  }
  allSeats.push(...states.seats.filter((s) => s.officialId === null || known.has(s.officialId)));
  const endedState = states.officials.filter((o) => o.termEnd && o.termEnd <= today).length;
  if (endedState > 0) {
    warnings.push(`${endedState} state officials' recorded terms have ended; they may be out of date`);
  }

  const zctaIndex = buildZctas(sources.zccd, sources.centroids);
  if (zctaIndex.unassigned.length > 0) {
    warnings.push(
      `${zctaIndex.unassigned.length} ZCTAs have no district: ${zctaIndex.unassigned.slice(0, 10).join(', ')}`,
    );
  }

  const holes = markSkipped(sources.problems, allSeats, zctaIndex.zctas, sources.centroids);
  if (holes.seats > 0) warnings.push(`${holes.seats} seats have no holder in the data because a record was skipped`);
  if (holes.zctas > 0) warnings.push(`${holes.zctas} ZCTAs lost a crosswalk row and ask for an address instead`);

  const corrections = crossCheckZctas(zctaIndex.zctas, sources.districts);
  const stateCount = (districts: string[]) => new Set(districts.map((d) => parseHouseDivision(d)?.state)).size;
  const correctedCrossState = corrections.filter((c) => {
    const entry = zctaIndex.zctas[c.zcta]!;
    return stateCount(entry.districts) > stateCount(entry.crosswalk ?? entry.districts);
  });
  if (corrections.length > 0) {
    warnings.push(
      `${corrections.length} ZCTAs also offer a district the crosswalk does not list, where their internal point lies (${corrections
        .slice(0, 20)
        .map((c) => `${c.zcta}: ${c.added.map(districtName).join(', ')}`)
        .join('; ')}${corrections.length > 20 ? '; …' : ''})`,
    );
  }

  // The crosswalk's own statistics, as published, before the boundary check.
  const entries = Object.values(zctaIndex.zctas).map((e) => ({ ...e, districts: e.crosswalk ?? e.districts }));
  const byChamber = (c: Official['chamber']) => officials.filter((o) => o.chamber === c).length;
  const houseSeats = seats.filter((s) => s.chamber === 'house');
  const counts = {
    officials: officials.length,
    seats: allSeats.length,
    members: officials.filter((o) => o.chamber === 'senate' || o.chamber === 'house').length,
    senators: byChamber('senate'),
    houseMembers: byChamber('house'),
    senateSeats: seats.length - houseSeats.length,
    houseSeats: houseSeats.length,
    vacancies: seats.filter((s) => s.officialId === null && !s.holderUnknown).length,
    seatsHolderUnknown: allSeats.filter((s) => s.officialId === null && s.holderUnknown).length,
    membersTermEnded: officials.filter(
      (o) => (o.chamber === 'senate' || o.chamber === 'house') && o.termEnd !== null && o.termEnd <= today,
    ).length,
    executives: byChamber('executive'),
    stateExecutives: byChamber('state_executive'),
    stateLegislators: byChamber('state_upper') + byChamber('state_lower') + byChamber('state_legislature'),
    stateFormerSkipped: states.former,
    zctas: entries.length,
    zctasIslandArea: zctaIndex.islandArea,
    zctasMultiDistrict: entries.filter((e) => e.districts.length > 1).length,
    zctasCrossState: entries.filter((e) => new Set(e.districts.map((d) => parseHouseDivision(d)?.state)).size > 1)
      .length,
    zctaDistrictPairs: entries.reduce((n, e) => n + e.districts.length, 0),
    zctasCorrected: corrections.length,
    zctasCorrectedCrossState: correctedCrossState.length,
    districtShapes: sources.districts.length,
    skippedRecords: sources.problems.filter((p) => p.severity !== 'warning').length,
    zctasIncomplete: holes.zctas,
  };

  return {
    status: dataStatus({
      sources,
      dataDir: options.dataDir,
      importedAt: options.clock.now().toISOString(),
      today,
      counts,
      warnings,
      degraded: options.degraded ?? null,
    }),
    officials,
    seats: allSeats,
    zctas: zctaIndex.zctas,
    districts: sources.districts,
  };
}
