import { existsSync, statSync } from 'node:fs';
import { CliError, type CliIo, type Command } from '../cli/command.ts';
import { systemClock } from '../clock.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { contentIn } from './campaign.ts';
import { listCampaigns } from './campaign-repository.ts';
import { exportCampaigns, importCampaigns } from './campaign-sync.ts';

/** `voz campaigns import|export <dir>`: campaigns as Markdown files, for keeping them in git. */

function directoryArgument(args: string[], usage: string, mustExist: boolean): string {
  const [dir, ...rest] = args.filter((a) => a !== '--dry-run');
  if (!dir || rest.length) throw new CliError(`expected one folder. Usage: ${usage}`);
  if (mustExist && !(existsSync(dir) && statSync(dir).isDirectory())) throw new CliError(`${dir}: no such folder`);
  return dir;
}

async function withStore<T>(io: CliIo, run: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const handle = openDatabase(io.config().database);
  try {
    await migrateToLatest(handle);
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

const IMPORT_USAGE = 'voz campaigns import <dir> [--dry-run]';
const EXPORT_USAGE = 'voz campaigns export <dir>';

export const campaignCommands: Command[] = [
  {
    name: 'campaigns import',
    summary: 'Create or update campaigns from a folder of Markdown files (all or nothing).',
    usage: IMPORT_USAGE,
    async run(args, io) {
      const dir = directoryArgument(args, IMPORT_USAGE, true);
      const dryRun = args.includes('--dry-run');
      const result = await withStore(io, (db) => importCampaigns(db, dir, systemClock, { dryRun }));
      if (result.problems.length) {
        for (const p of result.problems) io.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
        io.stderr.write(`voz campaigns import: nothing was imported (${result.problems.length} problem(s)).\n`);
        return 1;
      }
      if (dryRun) io.stdout.write('All campaign files are valid; nothing was written (--dry-run).\n');
      for (const slug of result.created) io.stdout.write(`created: ${slug}\n`);
      for (const slug of result.updated) io.stdout.write(`updated: ${slug}\n`);
      return 0;
    },
  },
  {
    name: 'campaigns export',
    summary: 'Write every campaign to a folder as Markdown files with front matter.',
    usage: EXPORT_USAGE,
    async run(args, io) {
      const dir = directoryArgument(args, EXPORT_USAGE, false);
      const slugs = await withStore(io, (db) => exportCampaigns(db, dir));
      io.stdout.write(`Exported ${slugs.length} campaign(s) to ${dir}: ${slugs.join(', ')}\n`);
      return 0;
    },
  },
  {
    name: 'campaigns list',
    summary: 'List every campaign with its status, date and title.',
    usage: 'voz campaigns list',
    async run(args, io) {
      if (args.length) throw new CliError('takes no arguments. Usage: voz campaigns list');
      const campaigns = await withStore(io, (db) => listCampaigns(db));
      for (const c of campaigns) {
        io.stdout.write(`${c.slug}\t${c.status}\t${c.date}\t${contentIn(c, c.defaultLanguage).content.title}\n`);
      }
      if (campaigns.length === 0) io.stdout.write('No campaigns yet.\n');
      return 0;
    },
  },
];
