import path from 'node:path';
import { CliError, type CliIo, type Command } from '../cli/command.ts';
import { systemClock } from '../clock.ts';
import { assembleDirectory } from './build/assemble.ts';
import { formatProblem, type Problem } from './import/problems.ts';
import { readSources } from './import/read-sources.ts';
import { lastGoodValidatedAt } from './prepare.ts';
import { blockingProblems } from './serving-policy.ts';
import { syncData } from './sync/sync.ts';

/** `--name value` options; anything else is an error naming the argument. */
function parseOptions(args: string[], known: { values: string[]; flags: string[] }): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (known.flags.includes(name)) out.set(name, true);
    else if (known.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new CliError(`${name} needs a value`);
      out.set(name, value);
    } else throw new CliError(`unknown argument "${arg}"`);
  }
  return out;
}

function writeProblems(io: CliIo, problems: Problem[]): void {
  for (const p of problems) io.stderr.write(`${formatProblem(p)}${p.severity === 'warning' ? ' (warning)' : ''}\n`);
}

const COUNT_LABELS: [key: string, label: string][] = [
  ['members', 'members of Congress'],
  ['senators', 'senators'],
  ['houseMembers', 'House members'],
  ['houseSeats', 'House seats'],
  ['vacancies', 'vacant seats in Congress'],
  ['seatsHolderUnknown', 'seats whose current holder is not in the data'],
  ['stateExecutives', 'governors and state executives'],
  ['stateLegislators', 'state legislators'],
  ['zctas', 'ZCTAs'],
  ['zctasMultiDistrict', 'ZCTAs in more than one district'],
  ['zctasCrossState', 'ZCTAs in more than one state'],
  ['zctasCorrected', 'ZCTAs given a candidate district by the boundary check'],
  ['districtShapes', 'district boundaries'],
];

export const officialsCommands: Command[] = [
  {
    name: 'data check',
    summary: 'Validate the officials data; print counts, its vintage and every problem as file:line.',
    usage: 'voz data check [--dir DIRECTORY]',
    async run(args, io) {
      const options = parseOptions(args, { values: ['--dir'], flags: [] });
      const config = io.config();
      const dir = path.resolve(String(options.get('--dir') ?? config.dataDir));
      io.stderr.write(`… reading and validating ${dir}\n`);
      const result = await readSources(dir);
      const blocking = blockingProblems(result);
      // What the server does about it, for the data directory it serves.
      const serving = async () => {
        if (dir !== path.resolve(config.dataDir)) return;
        const lastGood = await lastGoodValidatedAt(config);
        io.stderr.write(
          lastGood
            ? `The server serves the last good data (validated ${lastGood}) instead, until this is fixed.\n`
            : `There is no last good data in ${path.join(config.varDir, 'cache')}: the server will not start with this data.\n`,
        );
      };
      if (!result.ok) {
        writeProblems(io, result.problems);
        io.stderr.write(`${dir}: cannot be loaded (${result.problems.length} problems)\n`);
        await serving();
        return 1;
      }
      const data = assembleDirectory(result.sources, { config, clock: systemClock, dataDir: dir });
      io.stdout.write(`Officials data in ${dir}\nofficials data as of ${data.status.vintage}\n\n`);
      for (const [key, label] of COUNT_LABELS) {
        io.stdout.write(`${String(data.status.counts[key] ?? 0).padStart(7)}  ${label}\n`);
      }
      io.stdout.write('\nSources:\n');
      for (const s of data.status.sources) {
        io.stdout.write(
          `  ${s.name}: ${s.date ?? 'date unknown'}${s.commit ? ` (${s.commit.slice(0, 10)})` : ''}, ${s.license}\n`,
        );
      }
      const notes = data.status.warnings.filter((w) => !w.startsWith('skipped: ') && !w.startsWith('ignored: '));
      if (notes.length > 0) io.stdout.write(`\nWarnings:\n${notes.map((w) => `  ${w}\n`).join('')}`);
      writeProblems(io, result.sources.problems);
      if (blocking.length > 0) {
        io.stderr.write(`${blocking.length} malformed records: Voz does not serve data with records left out.\n`);
        await serving();
        return 1;
      }
      const accepted = result.sources.problems.filter((p) => p.severity === 'error').length;
      if (accepted > 0) {
        io.stdout.write(
          `\n${accepted} malformed records were accepted by \`voz data sync --accept-skipped\`: they are left out, and the seats and ZIPs they were about are answered as unknown.\n`,
        );
      }
      return 0;
    },
  },
  {
    name: 'data sync',
    summary: 'Fetch or copy the upstream data files, validate them, and swap them into the data directory.',
    usage:
      'voz data sync --from <upstream | DIRECTORY | BASE-URL> [--dir DIRECTORY] [--accept-skipped] [--timeout SECONDS]',
    async run(args, io) {
      const options = parseOptions(args, { values: ['--from', '--dir', '--timeout'], flags: ['--accept-skipped'] });
      const from = options.get('--from');
      if (typeof from !== 'string') throw new CliError('--from is required: upstream, a directory, or a base URL');
      const timeout = Number(options.get('--timeout') ?? 60);
      if (!Number.isFinite(timeout) || timeout <= 0)
        throw new CliError('--timeout must be a positive number of seconds');
      const config = io.config();
      const dataDir = path.resolve(String(options.get('--dir') ?? config.dataDir));
      const result = await syncData({
        from,
        dataDir,
        varDir: config.varDir,
        timeoutMs: timeout * 1000,
        acceptSkipped: options.get('--accept-skipped') === true,
        progress: (message) => io.stderr.write(`… ${message}\n`),
      });
      if (!result.ok) {
        writeProblems(io, result.problems);
        io.stderr.write(`The data in ${dataDir} was left unchanged.\n`);
        return 1;
      }
      writeProblems(io, result.skipped);
      io.stdout.write(
        `Updated ${dataDir}: ${result.counts.members} members of Congress, ${result.counts.statePeople} state officials, ${result.counts.zctas} ZCTAs.\n`,
      );
      return 0;
    },
  },
];
