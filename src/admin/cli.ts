import { CliError, type CliIo, type Command } from '../cli/command.ts';
import { systemClock } from '../clock.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AccountError, createUser } from './accounts.ts';

/**
 * Reads the password: from a terminal in raw mode, so nothing is echoed (Backspace works, Ctrl-C
 * cancels); from piped input, its first line.
 */
export async function readPassword(io: Pick<CliIo, 'stdin' | 'stderr'>): Promise<string> {
  const stdin = io.stdin as NodeJS.ReadStream;
  if (!stdin.isTTY) {
    let input = '';
    for await (const chunk of stdin) input += chunk.toString('utf8');
    return input.split(/\r?\n|\r/)[0] ?? '';
  }
  io.stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  try {
    let password = '';
    for await (const chunk of stdin) {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\u0003') throw new CliError('cancelled', 130);
        if (ch === '\r' || ch === '\n') return password;
        if (ch === '\u007f' || ch === '\b') password = password.slice(0, -1);
        else password += ch;
      }
    }
    return password;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    io.stderr.write('\n');
  }
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at !== -1) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export const adminCommands: Command[] = [
  {
    name: 'admin create',
    summary: 'Create an owner account (the first one, or another). Reads the password from the terminal or stdin.',
    usage: 'voz admin create --email <address> [--role owner|editor|viewer]   (password on stdin or prompted)',
    async run(args, io) {
      const email = option(args, '--email');
      if (!email) throw new CliError('--email is required, e.g. voz admin create --email ana@example.org');
      const role = option(args, '--role') ?? 'owner';
      if (role !== 'owner' && role !== 'editor' && role !== 'viewer') {
        throw new CliError(`--role must be owner, editor or viewer, not "${role}"`);
      }
      const password = await readPassword(io);
      const config = io.config();
      const handle = openDatabase(config.database);
      try {
        await migrateToLatest(handle);
        const user = await createUser({ db: handle.db, clock: systemClock }, { email, password, role });
        io.stdout.write(`Created ${user.role} ${user.email}. Sign in at ${config.publicUrl}/admin/login\n`);
        return 0;
      } catch (err) {
        if (err instanceof AccountError) throw new CliError(`${err.field}: ${err.message}`);
        throw err;
      } finally {
        await handle.close();
      }
    },
  },
];
