import { CliError, type Command } from '../cli/command.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { addressLookupOutput } from '../geocode/cli.ts';
import { HttpError } from '../http/errors.ts';
import { createLogger } from '../log.ts';
import { withDataInfo } from '../officials/data-info.ts';
import { loadDirectoryData } from '../officials/load.ts';
import { lookupOfficials, type OfficialsQuery } from '../officials/officials-query.ts';
import type { Candidate, DirectoryData, LookupResult, Representation } from '../officials/types.ts';
import { createDirectory } from './create-directory.ts';
import { parseDistrictInput } from './district-input.ts';
import { isOcdId } from './ocd.ts';
import { stateName } from './state-names.ts';
import { parseZip } from './zip-input.ts';

/**
 * `voz lookup 94110`: the same answer as GET /api/v1/officials, as a table for people or, with
 * --json, as exactly the API's JSON for scripts.
 */

const USAGE =
  'voz lookup <ZIP | state | district | "lat,lon" | "street address"> [--json]\n\n' +
  'Examples: voz lookup 94110   voz lookup "Nueva York"   voz lookup CA-12   voz lookup 37.7599,-122.4148\n' +
  '          voz lookup "1600 Pennsylvania Ave NW, Washington, DC 20500"';

/** Reads what kind of place the words are, validating it before any data is loaded. */
export function parsePlace(words: string[]): OfficialsQuery {
  const value = words.join(' ').trim();
  if (value === '') throw new CliError(`say where: ${USAGE.split('\n')[0]}`);
  const point = /^([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)$/.exec(value);
  if (point) return { kind: 'point', lat: Number(point[1]), lon: Number(point[2]) };
  try {
    if (/^[\d\s-]+$/.test(value)) return { kind: 'zip', zip: parseZip(value) };
    if (isOcdId(value) || /^[a-z]{2}\s*-?\s*(\d{1,6}|al)$/i.test(value)) {
      parseDistrictInput(value);
      return { kind: 'district', district: value };
    }
  } catch (err) {
    if (err instanceof HttpError) throw new CliError(err.message);
    throw err;
  }
  // No state or territory name has a digit; a street address has a house number.
  if (/\d/.test(value) && /\p{L}/u.test(value)) return { kind: 'address', address: value };
  return { kind: 'state', state: value };
}

const phoneOf = (r: Representation): string =>
  r.official?.offices.find((o) => o.kind === 'dc' && o.phone)?.phone ??
  r.official?.offices.find((o) => o.phone)?.phone ??
  r.seat.holderUnknown?.phone ??
  '';

const contactOf = (r: Representation): string =>
  r.official?.contactForm ?? r.official?.website ?? r.official?.email ?? r.seat.holderUnknown?.website ?? '';

const nameOf = (r: Representation): string => {
  if (r.official) return `${r.official.name}${r.mayBeOutOfDate ? ' *' : ''}`;
  return r.holderUnknown ? '(current holder not in the data)' : '(vacant)';
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function representationRows(list: Representation[]): string[][] {
  return list.map((r) => [r.seat.label, nameOf(r), r.official?.party ?? '', phoneOf(r), contactOf(r)]);
}

const representativesOf = (candidates: Candidate[]): Representation[] =>
  candidates.map((c) => c.representative).filter((r): r is Representation => r !== null);

export function formatResult(result: LookupResult): string {
  const where = result.state ? ` (${stateName(result.state)})` : '';
  const lines = [`${result.query.kind} ${result.query.value}${where}: ${result.confidence.replace(/_/g, ' ')}`];
  if (result.message) lines.push(result.message);
  lines.push('', table([['Seat', 'Name', 'Party', 'Phone', 'Contact'], ...representationRows(result.representations)]));
  const states = [...new Set(result.candidates.map((c) => c.state))];
  if (result.candidates.length > 0 && result.state === null) {
    // Neither state is certain: each state's candidates come with its senators and governor.
    lines.push('', 'Possible states and House districts (enter a street address to know which):');
    for (const state of states) {
      const candidates = result.candidates.filter((c) => c.state === state);
      const seats = [
        ...(candidates[0]!.senators ?? []),
        ...(candidates[0]!.governor ? [candidates[0]!.governor] : []),
        ...representativesOf(candidates),
      ];
      lines.push('', `If you live in ${stateName(state)}:`);
      lines.push(table([['Seat', 'Name', 'Party', 'Phone', 'Contact'], ...representationRows(seats)]));
    }
  } else if (result.candidates.length > 0) {
    lines.push('', 'Possible House districts (enter a street address to know which):');
    lines.push(
      table([
        ['District', 'Name', 'Party', 'Phone', 'Contact'],
        ...representationRows(representativesOf(result.candidates)),
      ]),
    );
  }
  const all = [
    ...result.representations,
    ...result.candidates.flatMap((c) => [c.representative, ...(c.senators ?? []), c.governor ?? null]),
  ];
  if (all.some((r) => r?.mayBeOutOfDate)) {
    lines.push('', '* The recorded term has ended: this may be out of date.');
  }
  return `${lines.join('\n')}\n`;
}

export interface LookupCommandDeps {
  clock?: Clock;
  load?: (config: Config, clock: Clock) => Promise<DirectoryData>;
}

export function createLookupCommands(deps: LookupCommandDeps = {}): Command[] {
  const clock = deps.clock ?? systemClock;
  const load =
    deps.load ??
    ((config: Config, at: Clock) => loadDirectoryData(config, { clock: at, logger: createLogger('error') }));
  return [
    {
      name: 'lookup',
      summary: 'Who represents a ZIP code, state, district or "lat,lon": a table, or the API JSON with --json.',
      usage: USAGE,
      async run(args, io) {
        const json = args.includes('--json');
        const words = args.filter((a) => a !== '--json');
        const unknown = words.find((w) => w.startsWith('--'));
        if (unknown) throw new CliError(`unknown option "${unknown}"`);
        const place = parsePlace(words);
        const data = await load(io.config(), clock);
        const directory = createDirectory(data, clock);
        if (place.kind === 'address') {
          const config = io.config();
          io.stdout.write(
            await addressLookupOutput(place.address, { config, data, directory, clock, json, format: formatResult }),
          );
          return 0;
        }
        let result: LookupResult;
        try {
          result = lookupOfficials(directory, place);
        } catch (err) {
          if (err instanceof HttpError) throw new CliError(err.message, err.status === 404 ? 1 : 2);
          throw err;
        }
        io.stdout.write(json ? `${JSON.stringify(withDataInfo(result, directory.status))}\n` : formatResult(result));
        return 0;
      },
    },
  ];
}

export const lookupCommands: Command[] = createLookupCommands();
