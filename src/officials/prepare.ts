import type { Config } from '../config.ts';
import { assembleDirectory } from './build/assemble.ts';
import { isoDay } from './build/dates.ts';
import { validityWindow } from './build/validity.ts';
import type { Problem } from './import/problems.ts';
import { type ImportedSources, readSources } from './import/read-sources.ts';
import { blockingProblems, degradedStatus, refusalReason } from './serving-policy.ts';
import {
  fingerprint,
  readLatestSnapshot,
  readSnapshot,
  readSnapshotTag,
  snapshotKey,
  writeSnapshot,
} from './snapshot.ts';
import type { DegradedStatus, DirectoryData } from './types.ts';

/**
 * The two snapshots under `<varDir>/cache/`: the validated sources (keyed by the data files'
 * fingerprint, tagged with when they were validated; only data fit to serve is written, so the
 * one there is also the last good data) and the assembled directory (keyed by the fingerprint and
 * the White House settings, tagged with the window of days it is valid for: see build/validity.ts).
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

/** When the last good data was validated, if there is any: what `voz data check` reports. */
export async function lastGoodValidatedAt(config: Config): Promise<string | null> {
  const last = await readLatestSnapshot<ImportedSources>(config.varDir, 'sources');
  return last ? last.tag || 'at an unknown time' : null;
}

export type PrepareResult =
  | { ok: true; data: DirectoryData; problems: Problem[]; snapshotError: string | null; degraded: boolean }
  | { ok: false; problems: Problem[]; reason: string };

/**
 * Reads (or re-reads from its snapshot) the sources, assembles the directory and snapshots both.
 * Data that cannot be served (serving-policy.ts) is replaced by the last good data, whose directory
 * is snapshotted under the bad data's key, so restarts do not re-read the bad files until they change.
 * `unavailable` are problems found before reading (a failed first download): the data directory is
 * then not read at all.
 */
export async function prepareDirectory(config: Config, now: Date, unavailable: Problem[] = []): Promise<PrepareResult> {
  const fp = await fingerprint(config.dataDir);
  let snapshotError: string | null = null;
  const remember = (err: unknown) => {
    snapshotError = err instanceof Error ? err.message : String(err);
  };
  let sources = unavailable.length > 0 ? null : await readSnapshot<ImportedSources>(config.varDir, 'sources', fp);
  let problems = sources?.problems ?? [];
  let degraded: DegradedStatus | null = null;
  if (!sources) {
    const result = unavailable.length > 0 ? null : await readSources(config.dataDir);
    const blocking = result ? blockingProblems(result) : unavailable;
    problems = result ? (result.ok ? result.sources.problems : result.problems) : unavailable;
    if (result?.ok && blocking.length === 0) {
      sources = result.sources;
      await writeSnapshot(config.varDir, 'sources', fp, sources, now.toISOString()).catch(remember);
    } else {
      const lastGood = await readLatestSnapshot<ImportedSources>(config.varDir, 'sources');
      if (!lastGood) return { ok: false, problems, reason: refusalReason(blocking, false) };
      sources = lastGood.value;
      degraded = degradedStatus(blocking, lastGood.tag || null);
    }
  }
  const data = assembleDirectory(sources, {
    config,
    clock: { now: () => now },
    dataDir: config.dataDir,
    degraded,
  });
  const { from, until } = validityWindow(sources, isoDay(now));
  const key = snapshotKey(fp, config.whiteHouse.phone, config.whiteHouse.contactUrl);
  await writeSnapshot(config.varDir, 'directory', key, data, `${from}/${until}`).catch(remember);
  return { ok: true, data, problems, snapshotError, degraded: degraded !== null };
}
