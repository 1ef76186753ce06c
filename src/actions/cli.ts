import { existsSync } from 'node:fs';
import type { Campaign } from '../campaigns/campaign.ts';
import { findCampaignBySlug } from '../campaigns/campaign-repository.ts';
import { CliError, type CliIo, type Command } from '../cli/command.ts';
import { isClosedPipe } from '../cli/failures.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { type DbHandle, openDatabase } from '../db/database.ts';
import { eraseDeletedRows } from '../db/erase.ts';
import { createLogger } from '../log.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import type { Directory } from '../officials/directory.ts';
import { loadDirectoryData } from '../officials/load.ts';
import { campaignActions, type ExportFormat, formatSignups, writeActions } from './export.ts';
import { normalizeEmail } from './signup.ts';
import { deleteSignupsByEmail, listSignups, SIGNUP_TABLES } from './signup-repository.ts';
import { targetDescriber } from './target-names.ts';

/** Reads `--name value` options; anything else is an error naming the option. */
function parseOptions(args: string[], known: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [null, undefined];
    if (!flag || !known.includes(flag)) throw new CliError(`unknown option "${arg}"`);
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new CliError(`--${flag} needs a value`);
    out[flag] = value;
  }
  return out;
}

function parseFormat(value: string | undefined): ExportFormat {
  if (value === undefined || value === 'csv' || value === 'json') return value ?? 'csv';
  throw new CliError(`--format must be csv or json, not "${value}"`);
}

async function withDb<T>(io: CliIo, body: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(io.config().database);
  try {
    return await body(handle);
  } finally {
    await handle.close();
  }
}

async function findCampaign(handle: DbHandle, slug: string): Promise<Campaign> {
  const campaign = await findCampaignBySlug(handle.db, slug);
  if (!campaign) throw new CliError(`no campaign with slug "${slug}"`);
  return campaign;
}

const campaignId = async (handle: DbHandle, slug: string): Promise<number> => (await findCampaign(handle, slug)).id;

export interface ActionCommandDeps {
  clock?: Clock;
  /** The officials, for the export's name and seat columns; null when the data is not here. */
  loadDirectory?: (config: Config, clock: Clock) => Promise<Directory | null>;
}

/**
 * The officials data as the server reads it, but never fetched: an export must not start a
 * download, so without the data folder the name and seat columns of official targets are empty.
 */
async function localDirectory(config: Config, clock: Clock): Promise<Directory | null> {
  if (!existsSync(config.dataDir)) return null;
  const data = await loadDirectoryData(config, { clock, logger: createLogger('error') });
  return createDirectory(data, clock);
}

/**
 * Writes an export to a stream, waiting when its buffer is full, so a large export does not pile up
 * in memory. When the reader stops reading (`| head`), the stream reports EPIPE as an 'error'
 * event, which nobody would listen to and which Node turns into a crash with a stack trace. Here
 * it ends the export instead, quietly and successfully: the reader had what it wanted, as with
 * any Unix tool in a pipeline.
 */
async function exportTo(
  stream: NodeJS.WritableStream,
  body: (write: (chunk: string) => Promise<void>) => Promise<unknown>,
) {
  let failed: unknown = null;
  let wake: (() => void) | null = null;
  const onError = (err: unknown) => {
    failed = err;
    wake?.();
  };
  stream.on('error', onError);
  const write = async (chunk: string) => {
    if (failed) throw failed;
    if (!stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        stream.once('drain', resolve);
      });
    }
    if (failed) throw failed;
  };
  try {
    await body(write);
  } catch (err) {
    if (!isClosedPipe(err)) throw err;
  } finally {
    // Keep one listener: a write still buffered may fail after this, and must not crash either.
    stream.off('error', onError);
    stream.on('error', (err) => {
      if (!isClosedPipe(err)) throw err;
    });
  }
}

export const actionCommands: Command[] = createActionCommands();

export function createActionCommands(deps: ActionCommandDeps = {}): Command[] {
  const clock = deps.clock ?? systemClock;
  const loadDirectory = deps.loadDirectory ?? localDirectory;
  return [
    {
      name: 'export actions',
      summary: "Write a campaign's recorded actions as CSV or JSON to standard output.",
      usage: 'voz export actions --campaign <slug> [--format csv|json]',
      async run(args, io) {
        const opts = parseOptions(args, ['campaign', 'format']);
        const format = parseFormat(opts.format);
        if (!opts.campaign) throw new CliError('--campaign <slug> is required');
        const slug = opts.campaign;
        return withDb(io, async (handle) => {
          const campaign = await findCampaign(handle, slug);
          const directory = await loadDirectory(io.config(), clock);
          if (!directory) {
            io.stderr.write(`officials data not found in ${io.config().dataDir}: only custom targets are named\n`);
          }
          const describe = targetDescriber(campaign, directory);
          await exportTo(io.stdout, (write) =>
            writeActions(campaignActions(handle, campaign.id), format, write, describe),
          );
          return 0;
        });
      },
    },
    {
      name: 'supporters export',
      summary: 'Write opted-in supporters (with the consent text they saw) as CSV or JSON.',
      usage: 'voz supporters export [--campaign <slug>] [--format csv|json]',
      async run(args, io) {
        const opts = parseOptions(args, ['campaign', 'format']);
        const format = parseFormat(opts.format);
        return withDb(io, async (handle) => {
          const filter = opts.campaign ? { campaignId: await campaignId(handle, opts.campaign) } : {};
          const signups = await listSignups(handle.db, filter);
          await exportTo(io.stdout, (write) => write(formatSignups(signups, format)));
          return 0;
        });
      },
    },
    {
      name: 'supporters delete',
      summary: "Delete every signup with this email address, in all campaigns (a supporter's request).",
      usage: 'voz supporters delete --email <address>',
      async run(args, io) {
        const opts = parseOptions(args, ['email']);
        if (!opts.email) throw new CliError('--email <address> is required');
        const email = normalizeEmail(opts.email);
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new CliError(`"${opts.email}" is not an email address`);
        return withDb(io, async (handle) => {
          const deleted = await deleteSignupsByEmail(handle.db, email);
          io.stdout.write(`Deleted ${deleted} signup${deleted === 1 ? '' : 's'}.\n`);
          const { complete } = await eraseDeletedRows(handle, SIGNUP_TABLES);
          if (!complete) {
            io.stderr.write(
              'voz supporters delete: the server is reading the database, so the deleted details stay in its file until the next checkpoint; run this again later to finish.\n',
            );
          }
          return 0;
        });
      },
    },
  ];
}
