import { access, chmod, constants, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Clock, systemClock } from '../../clock.ts';
import { formatProblem, type Problem } from '../import/problems.ts';
import { readSources } from '../import/read-sources.ts';
import { MANIFEST_FILE, type Manifest, readSourceMeta } from '../import/source-meta.ts';
import { blockingProblems } from '../serving-policy.ts';
import { SOURCES } from '../sources.ts';
import { copyFromDirectory, FetchFailed, fetchFromMirrorUrl, fetchFromUpstream, type Progress } from './fetch-files.ts';

export interface SyncOptions {
  /** A directory laid out like the mirror, a base URL laid out like it, or `upstream`. */
  from: string;
  dataDir: string;
  varDir: string;
  progress?: Progress;
  timeoutMs?: number;
  /**
   * Accept data in which some records are malformed: the manifest lists them, and the server then
   * serves the data with those records skipped (their seats and ZIPs marked unknown).
   */
  acceptSkipped?: boolean;
  fetchImpl?: typeof fetch;
  /** Dates the manifest (default: the system clock). */
  clock?: Clock;
  /** For tests: where `upstream` finds the Open States archive. */
  openStatesArchiveUrl?: string;
}

export type SyncResult =
  | { ok: true; counts: Record<string, number>; skipped: Problem[] }
  | { ok: false; problems: Problem[] };

const failure = (file: string, message: string): SyncResult => ({
  ok: false,
  problems: [{ file, line: null, message, severity: 'fatal' }],
});

/**
 * Fetches or copies the data into a staging directory under `varDir`, validates it with the same
 * importers the server uses, and only then swaps it into `dataDir` by renaming. Anything wrong
 * (a download failing, a file missing or malformed) leaves the current data in place.
 */
export async function syncData(options: SyncOptions): Promise<SyncResult> {
  const progress = options.progress ?? (() => {});
  const clock = options.clock ?? systemClock;
  const fetchOptions = { timeoutMs: options.timeoutMs ?? 60_000, progress, fetchImpl: options.fetchImpl };
  await mkdir(options.varDir, { recursive: true });
  const parent = path.dirname(path.resolve(options.dataDir));
  const writable = await access(parent, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) return failure(parent, 'is not writable; set DATA_DIR to a directory Voz may replace, e.g. var/data');
  if (!(await isReplaceable(options.dataDir))) {
    return failure(
      options.dataDir,
      `was not written by \`voz data sync\` (no ${MANIFEST_FILE}), so it is left alone; set DATA_DIR to another directory, e.g. var/data`,
    );
  }
  const source = describe(options.from);
  if (source.kind === 'directory') {
    const problem = await directoryProblem(source.path);
    if (problem) return failure(source.path, problem);
  }
  const staging = await mkdtemp(path.join(options.varDir, 'sync-'));
  try {
    try {
      if (source.kind === 'directory') await copyFromDirectory(source.path, staging, progress);
      else if (source.kind === 'url') await fetchFromMirrorUrl(source.url, staging, fetchOptions);
      else await fetchFromUpstream(staging, fetchOptions, options.openStatesArchiveUrl);
    } catch (err) {
      if (err instanceof FetchFailed) return failure(options.from, `download failed: ${err.message}`);
      const e = err as NodeJS.ErrnoException;
      return failure(options.from, `cannot be read: ${e.code ?? e.message}`);
    }
    await writeManifest(staging, options.from, clock);

    progress('validating');
    const result = await readSources(staging);
    if (!result.ok) return { ok: false, problems: result.problems };
    const errors = blockingProblems(result);
    if (errors.length > 0 && !options.acceptSkipped) return { ok: false, problems: errors };
    // The server serves data with skipped records only when these very records were accepted.
    if (errors.length > 0) await writeManifest(staging, options.from, clock, errors.map(formatProblem));

    progress(`replacing ${options.dataDir}`);
    await swapIn(staging, options.dataDir);
    return {
      ok: true,
      counts: {
        members: result.sources.congress.members.length,
        zctaDistrictPairs: result.sources.zccd.length,
        zctas: Object.keys(result.sources.centroids).length,
        districts: result.sources.districts.length,
        statePeople: result.sources.openstates.length,
      },
      skipped: result.sources.problems,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Only an empty or missing directory, or one that sync wrote, is replaced: never a hand-made mirror. */
async function isReplaceable(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir).catch(() => null);
  return entries === null || entries.length === 0 || entries.includes(MANIFEST_FILE);
}

function describe(
  from: string,
): { kind: 'upstream' } | { kind: 'url'; url: URL } | { kind: 'directory'; path: string } {
  if (from === 'upstream') return { kind: 'upstream' };
  if (/^https?:\/\//i.test(from)) return { kind: 'url', url: new URL(from) };
  return { kind: 'directory', path: path.resolve(from) };
}

/** Said once, instead of every file that the directory would have held being reported missing. */
async function directoryProblem(dir: string): Promise<string | null> {
  try {
    return (await stat(dir)).isDirectory() ? null : 'is not a directory';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'directory does not exist' : `cannot be read (${code ?? String(err)})`;
  }
}

/** Records where the data came from; commits are known for the sources pinned to one. */
async function writeManifest(staging: string, from: string, clock: Clock, accepted: string[] = []): Promise<void> {
  const syncedAt = clock.now().toISOString();
  const previous = await readSourceMeta(staging);
  const sources: Manifest['sources'] = {};
  for (const s of SOURCES) {
    const pinned = from === 'upstream' ? /\/([0-9a-f]{40})\//.exec(Object.values(s.files)[0] ?? '')?.[1] : undefined;
    sources[s.key] = previous.meta[s.key] ?? { commit: pinned ?? null, date: syncedAt.slice(0, 10) };
  }
  const manifest: Manifest = { syncedAt, from, sources, ...(accepted.length > 0 ? { accepted } : {}) };
  await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Two renames: the old directory aside, the new one in. A reader sees either the old or the new
 * tree except for the instant between the renames; the old tree is restored if the second fails.
 */
async function swapIn(staging: string, dataDir: string): Promise<void> {
  const target = path.resolve(dataDir);
  // mkdtemp makes the staging folder private (0700); the data is public and a server running as
  // another user must read it, like any folder mkdir makes.
  await chmod(staging, 0o755);
  const aside = `${target}.old-${process.pid}-${Date.now()}`;
  let hadOld = true;
  try {
    await rename(target, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    hadOld = false;
  }
  try {
    await rename(staging, target);
  } catch (err) {
    if (hadOld) await rename(aside, target);
    throw err;
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
}
