import { actionCommands } from '../actions/cli.ts';
import { adminCommands } from '../admin/cli.ts';
import { campaignCommands } from '../campaigns/cli.ts';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { lookupCommands } from '../lookup/cli.ts';
import { officialsCommands } from '../officials/cli.ts';
import { CliError, type CliIo, type Command } from './command.ts';
import { dbCommands } from './db-commands.ts';
import { databaseProblem, isClosedPipe } from './failures.ts';

/** Every command, grouped by feature. */
const commands: Command[] = [
  ...dbCommands,
  ...officialsCommands,
  ...lookupCommands,
  ...campaignCommands,
  ...actionCommands,
  ...adminCommands,
];

function help(out: NodeJS.WritableStream): void {
  out.write('Usage: voz <command> [options]\n\nCommands:\n');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const c of commands) out.write(`  ${c.name.padEnd(width)}  ${c.summary}\n`);
  out.write('\nRun `voz <command> --help` for its options.\n');
}

/** Finds the longest command name that prefixes the arguments. */
function resolve(argv: string[]): { command: Command; args: string[] } | null {
  let best: { command: Command; args: string[] } | null = null;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.command.name.split(' ').length)) {
      best = { command, args: argv.slice(words.length) };
    }
  }
  return best;
}

export async function runCli(argv: string[], io: Omit<CliIo, 'config'> & { config?: () => Config }): Promise<number> {
  let cached: Config | undefined;
  const full: CliIo = { ...io, config: io.config ?? (() => (cached ??= loadConfig())) };
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    help(io.stdout);
    return argv.length === 0 ? 2 : 0;
  }
  const found = resolve(argv);
  if (!found) {
    io.stderr.write(`voz: unknown command "${argv.join(' ')}". Run \`voz --help\` for the list.\n`);
    return 2;
  }
  if (found.args.includes('--help') || found.args.includes('-h')) {
    io.stdout.write(`Usage: ${found.command.usage}\n\n${found.command.summary}\n`);
    return 0;
  }
  try {
    return (await found.command.run(found.args, full)) ?? 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`voz ${found.command.name}: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`voz: ${err.message}\n`);
      return 78; // EX_CONFIG
    }
    const problem = databaseProblem(err);
    if (problem !== null) {
      io.stderr.write(`voz ${found.command.name}: the database cannot be used: ${problem} (check DATABASE_URL)\n`);
      return 69; // EX_UNAVAILABLE
    }
    throw err;
  }
}

/**
 * The process entry (bin/voz.js, and this file run directly). A closed standard output ends the
 * command quietly, as a Unix tool in a pipeline does; anything unforeseen is one line, not a trace.
 */
export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (err) => {
    if (!isClosedPipe(err)) throw err;
    process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  } catch (err) {
    process.stderr.write(`voz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
