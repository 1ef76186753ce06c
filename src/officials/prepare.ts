import type { Config } from '../config.ts';
import { assembleDirectory } from './build/assemble.ts';
import { isoDay } from './build/dates.ts';
import { validityWindow } from './build/validity.ts';
import type { Problem } from './import/problems.ts';
import { type ImportedSources, readSources } from './import/read-sources.ts';
import { fingerprint, readSnapshot, readSnapshotTag, snapshotKey, writeSnapshot } from './snapshot.ts';
import type { DirectoryData } from './types.ts';

/**
 * The two snapshots under `<varDir>/cache/`: the validated sources (keyed by the data files'
 * fingerprint) and the assembled directory (keyed by the fingerprint and the White House settings,
 * tagged with the window of days it is valid for: see build/validity.ts).
 */
export async function directoryKey(config: Config): Promise<string> {
  const fp = await fingerprint(config.dataDir);
  return snapshotKey(fp, config.whiteHouse.phone, config.whiteHouse.contactUrl);
}

/** The tag is the window `from/until` of days the snapshot is valid for. */
const isValidOn = (now: Date) => (tag: string) => {
  const today = isoDay(now);
  const [from = '', until = ''] = tag.split('/');
  return from <= today && today < until;
};

export async function readDirectorySnapshot(config: Config, key: string, now: Date): Promise<DirectoryData | null> {
  return readSnapshot<DirectoryData>(config.varDir, 'directory', key, isValidOn(now));
}

export async function hasDirectorySnapshot(config: Config, key: string, now: Date): Promise<boolean> {
  const tag = await readSnapshotTag(config.varDir, 'directory', key);
  return tag !== null && isValidOn(now)(tag);
}

export type PrepareResult =
  | { ok: true; data: DirectoryData; problems: Problem[]; snapshotError: string | null }
  | { ok: false; problems: Problem[] };

/** Reads (or re-reads from its snapshot) the sources, assembles the directory and snapshots both. */
export async function prepareDirectory(config: Config, now: Date): Promise<PrepareResult> {
  const fp = await fingerprint(config.dataDir);
  let snapshotError: string | null = null;
  const remember = (err: unknown) => {
    snapshotError = err instanceof Error ? err.message : String(err);
  };
  let sources = await readSnapshot<ImportedSources>(config.varDir, 'sources', fp);
  if (!sources) {
    const result = await readSources(config.dataDir);
    if (!result.ok) return { ok: false, problems: result.problems.filter((p) => p.severity === 'fatal') };
    sources = result.sources;
    await writeSnapshot(config.varDir, 'sources', fp, sources).catch(remember);
  }
  const data = assembleDirectory(sources, { config, clock: { now: () => now }, dataDir: config.dataDir });
  const { from, until } = validityWindow(sources, isoDay(now));
  const key = snapshotKey(fp, config.whiteHouse.phone, config.whiteHouse.contactUrl);
  await writeSnapshot(config.varDir, 'directory', key, data, `${from}/${until}`).catch(remember);
  return { ok: true, data, problems: sources.problems, snapshotError };
}
