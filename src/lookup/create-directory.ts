import type { Clock } from '../clock.ts';
import type { StateCode } from '../domain.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { Directory } from '../officials/directory.ts';
import type { DirectoryData, LookupQuery, LookupResult, Representation } from '../officials/types.ts';
import {
  assembleRepresentations,
  certainDivisions,
  districtCode,
  messages,
  NO_CANDIDATES,
  result,
  sortCandidates,
  stateDivisionId,
  stateOfDivision,
} from './assemble.ts';
import { Blocks } from './blocks.ts';
import { parseDistrictInput } from './district-input.ts';
import { echo } from './echo.ts';
import { COUNTRY_DIVISION, type ParsedDivision, parseOcdId } from './ocd.ts';
import { BOUNDARY_MARGIN_KM, type PointAnswer, PointIndex } from './point-index.ts';
import { type Epoch, RepresentationBook } from './representations.ts';
import { parseState, stateName } from './state-names.ts';
import { parseZip } from './zip-input.ts';

/**
 * Six decimals of a degree are about 11 cm, far finer than the boundaries (or any geocoder), so
 * digits beyond them change nothing but the echo of the query.
 */
const roundCoordinate = (value: number): number => Math.round(value * 1e6) / 1e6;

const LEGISLATIVE_KIND = { sldu: 'state senate district', sldl: 'state house district', ward: 'ward' } as const;

/**
 * Indexes `DirectoryData` for fast lookups. ZIP, state and district answers are memoised per
 * epoch (see representations.ts), so a repeated ZIP costs one Map lookup; the first wraps the
 * epoch's shared building blocks (blocks.ts) in a new answer.
 */
export function createDirectory(data: DirectoryData, clock: Clock): Directory {
  const book = new RepresentationBook(data, clock);
  // ZCTA keys are five digits, so indexing the plain object cannot reach a prototype property.
  const zctas = data.zctas;
  const points = new PointIndex(data.districts, data.zctas);
  const houseDistricts = new Map<StateCode, number>();
  for (const seat of data.seats) {
    if (seat.chamber === 'house' && seat.state)
      houseDistricts.set(seat.state, (houseDistricts.get(seat.state) ?? 0) + 1);
  }

  let blocks: Blocks | null = null;
  const zipAnswers = new Map<string, LookupResult>();
  const stateAnswers = new Map<StateCode, LookupResult>();
  const districtAnswers = new Map<string, LookupResult>();
  /** The current epoch's building blocks; answers memoised in an earlier epoch are dropped. */
  const blocksNow = (): Blocks => {
    const epoch = book.current();
    if (blocks?.epoch !== epoch) {
      blocks = new Blocks(epoch);
      zipAnswers.clear();
      stateAnswers.clear();
      districtAnswers.clear();
    }
    return blocks;
  };

  /** The answer for one known House district (an at-large seat's division is the state's). */
  function exactDistrict(parts: Blocks, query: LookupQuery, divisionId: string, message: string | null = null) {
    const block = parts.district(divisionId);
    return result(query, 'exact', message, block.state, block.divisions, NO_CANDIDATES, block.representations);
  }

  /** Several possible districts: never pick one; say what is certain and list the candidates. */
  function ambiguous(
    parts: Blocks,
    query: LookupQuery,
    divisionIds: string[],
    confidence: 'zip_spans_districts' | 'zip_spans_states' | 'near_boundary',
  ): LookupResult {
    const candidates = sortCandidates(divisionIds.map((id) => parts.candidate(id)));
    const states = [...new Set(candidates.map((c) => c.state))];
    const state = states.length === 1 ? states[0]! : null;
    let message: string;
    if (confidence === 'near_boundary') message = messages.nearBoundary(candidates, BOUNDARY_MARGIN_KM);
    else if (state) message = messages.zipSpansDistricts(query.value, candidates);
    else message = messages.zipSpansStates(query.value, states);
    const effective = confidence === 'near_boundary' || state ? confidence : 'zip_spans_states';
    const block = state ? parts.state(state) : parts.national;
    return result(query, effective, message, state, block.divisions, candidates, block.representations);
  }

  /**
   * A point outside every polygon (a coast, an island the 1:20m map dropped): one district is
   * answered as near_boundary with its member, since the map cannot be sure; several are candidates.
   */
  function offMap(parts: Blocks, query: LookupQuery, found: Extract<PointAnswer, { kind: 'off_map' }>): LookupResult {
    const candidates = sortCandidates(found.divisionIds.map((id) => parts.candidate(id)));
    const message = messages.offMap(candidates, found.zcta, found.distanceKm);
    if (candidates.length > 1) {
      const answer = ambiguous(parts, query, found.divisionIds, 'near_boundary');
      return result(
        query,
        answer.confidence,
        message,
        answer.state,
        answer.divisions,
        candidates,
        answer.representations,
      );
    }
    const block = parts.district(candidates[0]!.divisionId);
    return result(
      query,
      'near_boundary',
      message,
      block.state,
      certainDivisions(block.state),
      candidates,
      block.representations,
    );
  }

  function answerState(parts: Blocks, state: StateCode): LookupResult {
    const query: LookupQuery = { kind: 'state', value: state };
    if (parts.epoch.house.has(stateDivisionId(state))) return exactDistrict(parts, query, stateDivisionId(state));
    const block = parts.state(state);
    return result(
      query,
      'state_only',
      messages.stateOnly(state),
      state,
      block.divisions,
      NO_CANDIDATES,
      block.representations,
    );
  }

  function houseDivisionFor(epoch: Epoch, state: StateCode, district: number): string {
    const stateDivision = stateDivisionId(state);
    const count = houseDistricts.get(state) ?? 0;
    // An at-large seat is district 0 in the data; "AK-1" can only mean the same seat.
    if (epoch.house.has(stateDivision) && (district === 0 || district === 1)) return stateDivision;
    const divisionId = `${stateDivision}/cd:${district}`;
    if (epoch.house.has(divisionId)) return divisionId;
    const known = epoch.house.has(stateDivision)
      ? `${stateName(state)} has one at-large seat (${districtCode(state, '0')})`
      : `${stateName(state)} has districts 1 to ${count}`;
    throw notFound('unknown_district', `There is no district ${state}-${district}: ${known}.`);
  }

  /** Legislative seats exist in the data only while someone holds them, so the message says "in the data". */
  function unknownLegislative(division: ParsedDivision): string {
    const kind = LEGISLATIVE_KIND[division.level as 'sldu' | 'sldl' | 'ward'];
    return `There is no ${stateName(division.state!)} ${kind} "${division.name}" in the officials data (${division.id}).`;
  }

  const directory: Directory = {
    status: data.status,

    revision: () => book.current().revision,

    lookupZip(raw) {
      const zip = parseZip(raw);
      const parts = blocksNow();
      const cached = zipAnswers.get(zip);
      if (cached) return cached;
      const query: LookupQuery = { kind: 'zip', value: zip };
      const entry = zctas[zip];
      const districts = entry?.districts;
      let answer: LookupResult;
      if (entry?.incomplete) {
        // Part of this ZIP's crosswalk could not be read: the rows left may name too few districts.
        answer = result(
          query,
          'unknown_zip',
          messages.incompleteZip(zip),
          null,
          parts.national.divisions,
          NO_CANDIDATES,
          parts.national.representations,
        );
      } else if (!districts || districts.length === 0) {
        answer = result(
          query,
          'unknown_zip',
          messages.unknownZip(zip),
          null,
          parts.national.divisions,
          NO_CANDIDATES,
          parts.national.representations,
        );
      } else if (districts.length === 1) {
        answer = exactDistrict(parts, query, districts[0]!);
      } else {
        const states = new Set(districts.map(stateOfDivision));
        answer = ambiguous(parts, query, districts, states.size > 1 ? 'zip_spans_states' : 'zip_spans_districts');
      }
      zipAnswers.set(zip, answer);
      return answer;
    },

    lookupState(raw) {
      const state = parseState(raw);
      if (!state) {
        const shown = echo(raw);
        throw badRequest(
          'invalid_state',
          shown === ''
            ? 'The state is empty. Use a code like "CA" or a name like "California" or "Nueva York".'
            : `"${shown}" is not a U.S. state, DC or territory. Use a code like "CA" or a name like "California" or "Nueva York".`,
        );
      }
      const parts = blocksNow();
      let answer = stateAnswers.get(state);
      if (!answer) {
        answer = answerState(parts, state);
        stateAnswers.set(state, answer);
      }
      return answer;
    },

    lookupDistrict(raw) {
      const input = parseDistrictInput(raw);
      const parts = blocksNow();
      const { epoch } = parts;
      let divisionId: string;
      if (input.kind === 'ocd') {
        const { division } = input;
        if (division.level === 'sldu' || division.level === 'sldl' || division.level === 'ward') {
          if (!epoch.legislature.has(division.id)) throw notFound('unknown_district', unknownLegislative(division));
          return directory.lookupDivisions([division.id], { kind: 'district', value: division.id });
        }
        if (division.level === 'state' && !epoch.house.has(division.id)) return directory.lookupState(division.state!);
        // `cd:012` and `cd:12` are one district, as `CA-012` and `CA-12` are; the at-large rule applies too.
        const number = division.level === 'cd' && /^\d{1,6}$/.test(division.name ?? '') ? Number(division.name) : null;
        if (number !== null) divisionId = houseDivisionFor(epoch, division.state!, number);
        else if (epoch.house.has(division.id)) divisionId = division.id;
        else throw notFound('unknown_district', `There is no district ${division.id}.`);
      } else {
        divisionId = houseDivisionFor(epoch, input.state, input.district);
      }
      let answer = districtAnswers.get(divisionId);
      if (!answer) {
        const seat = epoch.house.get(divisionId)!.seat;
        answer = exactDistrict(
          parts,
          { kind: 'district', value: districtCode(seat.state!, seat.district) },
          divisionId,
        );
        districtAnswers.set(divisionId, answer);
      }
      return answer;
    },

    lookupPoint(rawLat, rawLon) {
      if (!Number.isFinite(rawLat) || rawLat < -90 || rawLat > 90) {
        throw badRequest('invalid_point', 'Latitude must be a number from -90 to 90.');
      }
      if (!Number.isFinite(rawLon) || rawLon < -180 || rawLon > 180) {
        throw badRequest('invalid_point', 'Longitude must be a number from -180 to 180.');
      }
      const lat = roundCoordinate(rawLat);
      const lon = roundCoordinate(rawLon);
      const parts = blocksNow();
      const query: LookupQuery = { kind: 'point', value: `${lat},${lon}` };
      const found = points.locate(lat, lon);
      switch (found.kind) {
        case 'inside':
          return found.nearby.length === 0
            ? exactDistrict(parts, query, found.divisionId)
            : ambiguous(parts, query, [found.divisionId, ...found.nearby], 'near_boundary');
        case 'near':
          return ambiguous(parts, query, found.nearby, 'near_boundary');
        case 'off_map':
          return offMap(parts, query, found);
        case 'territory':
          return exactDistrict(
            parts,
            query,
            found.divisionId,
            messages.territoryByNearestZip(stateOfDivision(found.divisionId)!, found.zcta),
          );
        case 'outside':
          throw notFound(
            'outside_districts',
            'This location is not inside any U.S. congressional district. Enter a ZIP code or street address instead.',
          );
      }
    },

    lookupDivisions(divisionIds, query) {
      const parts = blocksNow();
      const { epoch } = parts;
      let state: StateCode | null = null;
      let house: Representation | null = null;
      let houseDivision: string | null = null;
      const legislators: Representation[] = [];
      const legislative: string[] = [];
      for (const raw of divisionIds) {
        const division = parseOcdId(raw);
        // Geocoders also return wards, counties and school districts: Voz has no officials for them.
        if (!division?.state) continue;
        if (state && division.state !== state) {
          throw badRequest(
            'invalid_division',
            `Divisions of more than one state were given (${state}, ${division.state}).`,
          );
        }
        state = division.state;
        if (division.level === 'cd' || division.level === 'state') {
          const seat = epoch.house.get(division.id);
          if (seat) {
            house = seat;
            houseDivision = division.id;
          }
          // Legislators elected statewide (the DC Council's at-large members) share the state's division.
          if (division.level === 'state') legislators.push(...(epoch.legislature.get(division.id) ?? []));
        } else {
          legislative.push(division.id);
          legislators.push(...(epoch.legislature.get(division.id) ?? []));
        }
      }
      if (!state) throw badRequest('invalid_division', 'No U.S. state or district division was given.');
      if (!house) {
        const answer = answerState(parts, state);
        return result(
          query,
          answer.confidence,
          answer.message,
          state,
          [...answer.divisions, ...legislative],
          NO_CANDIDATES,
          assembleRepresentations(epoch, state, epoch.house.get(stateDivisionId(state)) ?? null, legislators),
        );
      }
      return result(
        query,
        'exact',
        null,
        state,
        certainDivisions(state, houseDivision, ...legislative),
        NO_CANDIDATES,
        assembleRepresentations(epoch, state, house, legislators),
      );
    },

    locateZip(zip) {
      const entry = /^\d{5}$/.test(zip) ? zctas[zip] : undefined;
      return entry && entry.lat !== null && entry.lon !== null ? { lat: entry.lat, lon: entry.lon } : null;
    },

    findOfficial(id) {
      return book.officials.get(id) ?? book.officials.get(id.toUpperCase()) ?? null;
    },

    findSeat(id) {
      return book.seatsById.get(id) ?? book.seatsById.get(id.toLowerCase()) ?? null;
    },

    findRepresentation(id) {
      const { epoch } = blocksNow();
      const official = directory.findOfficial(id);
      if (!official) return epoch.bySeat.get(directory.findSeat(id)?.id ?? '') ?? null;
      const held = epoch.bySeat.get(official.seatId);
      // Only the seat's current holder is answered through the seat; anyone else is not in office.
      return held?.official?.id === official.id ? held : null;
    },

    findDivision(raw) {
      const division = parseOcdId(raw);
      if (!division) return null;
      const { epoch } = blocksNow();
      if (division.level === 'country') {
        return { divisionId: COUNTRY_DIVISION, name: 'United States', representations: [...epoch.national] };
      }
      const state = division.state!;
      if (division.level === 'state') {
        const house = epoch.house.get(division.id) ?? null;
        const senators = epoch.senators.get(state) ?? [];
        const executive = epoch.stateExecutive.get(state) ?? [];
        const representations = [...senators, ...(house ? [house] : []), ...executive];
        return { divisionId: division.id, name: stateName(state), representations };
      }
      const representations: Representation[] =
        division.level === 'cd'
          ? [epoch.house.get(division.id)].filter((r): r is Representation => r !== undefined)
          : [...(epoch.legislature.get(division.id) ?? [])];
      if (representations.length === 0) return null;
      return { divisionId: division.id, name: representations[0]!.seat.label, representations };
    },
  };
  // Pair seats with holders now, so the first request after start-up does not pay for it.
  blocksNow();
  return directory;
}
