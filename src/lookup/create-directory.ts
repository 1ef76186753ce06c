import type { Clock } from '../clock.ts';
import type { StateCode } from '../domain.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { Directory } from '../officials/directory.ts';
import type { DirectoryData, LookupResult } from '../officials/types.ts';
import { answerDistrict, answerState, answerZip } from './answers.ts';
import { districtCode } from './assemble.ts';
import { Blocks } from './blocks.ts';
import { parseDistrictInput } from './district-input.ts';
import { countHouseDistricts, describeUnknownLegislative, resolveHouseDivision } from './district-lookup.ts';
import { answerDivisions, listDivisionSeats } from './division-lookup.ts';
import { echo } from './echo.ts';
import { parseOcdId } from './ocd.ts';
import { PointIndex } from './point-index.ts';
import { answerPoint, validatePoint } from './point-lookup.ts';
import { RepresentationBook } from './representations.ts';
import { parseState } from './state-names.ts';
import { parseZip } from './zip-input.ts';

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
  const houseDistricts = countHouseDistricts(data.seats);

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

  const directory: Directory = {
    status: data.status,

    revision: () => book.current().revision,

    lookupZip(raw) {
      const zip = parseZip(raw);
      const parts = blocksNow();
      const cached = zipAnswers.get(zip);
      if (cached) return cached;
      const answer = answerZip(parts, zip, zctas[zip]);
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
          if (!epoch.legislature.has(division.id))
            throw notFound('unknown_district', describeUnknownLegislative(division));
          return directory.lookupDivisions([division.id], { kind: 'district', value: division.id });
        }
        if (division.level === 'state' && !epoch.house.has(division.id)) return directory.lookupState(division.state!);
        // `cd:012` and `cd:12` are one district, as `CA-012` and `CA-12` are; the at-large rule applies too.
        const number = division.level === 'cd' && /^\d{1,6}$/.test(division.name ?? '') ? Number(division.name) : null;
        if (number !== null) divisionId = resolveHouseDivision(epoch, houseDistricts, division.state!, number);
        else if (epoch.house.has(division.id)) divisionId = division.id;
        else throw notFound('unknown_district', `There is no district ${division.id}.`);
      } else {
        divisionId = resolveHouseDivision(epoch, houseDistricts, input.state, input.district);
      }
      let answer = districtAnswers.get(divisionId);
      if (!answer) {
        const seat = epoch.house.get(divisionId)!.seat;
        answer = answerDistrict(
          parts,
          { kind: 'district', value: districtCode(seat.state!, seat.district) },
          divisionId,
        );
        districtAnswers.set(divisionId, answer);
      }
      return answer;
    },

    lookupPoint(rawLat, rawLon) {
      validatePoint(rawLat, rawLon);
      return answerPoint(blocksNow(), points, rawLat, rawLon);
    },

    lookupDivisions(divisionIds, query) {
      return answerDivisions(blocksNow(), divisionIds, query);
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
      return listDivisionSeats(blocksNow().epoch, division);
    },
  };
  // Pair seats with holders now, so the first request after start-up does not pay for it.
  blocksNow();
  return directory;
}
