import { existsSync } from 'node:fs';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { DataLoadError, type Problem } from './import/problems.ts';
import { directoryKey, hasDirectorySnapshot, prepareDirectory, readDirectorySnapshot } from './prepare.ts';
import { prepareInWorker } from './run-prepare.ts';
import { syncData } from './sync/sync.ts';
import type { DirectoryData } from './types.ts';

export interface LoadOptions {
  clock: Clock;
  logger: Logger;
  /** Where to fetch the data on first start when the data directory is missing (default: upstream). */
  fetchFrom?: string;
  fetchImpl?: typeof fetch;
  /** Parse in a worker thread (default), keeping the parser's garbage out of this process. */
  isolate?: boolean;
}

/**
 * Reads the upstream files in `config.dataDir` into `DirectoryData` as of the clock's today. Usually
 * this only deserializes the snapshot under `config.varDir`; when the data changed, a date recorded
 * in it has passed, or there is no snapshot yet, the files are read and validated again (in a worker
 * thread) first. When the data directory does not exist (a fresh install without the mirror), it is
 * fetched from upstream, exactly as `voz data sync --from upstream` does.
 */
export async function loadDirectoryData(config: Config, deps: LoadOptions): Promise<DirectoryData> {
  const started = performance.now();
  await fetchIfMissing(config, deps);
  const now = deps.clock.now();
  const key = await directoryKey(config);
  let data = await readDirectorySnapshot(config, key, now);
  const fromSnapshot = data !== null;
  if (!data) {
    const prepared = deps.isolate === false ? false : await prepareIsolated(config, now, deps.logger);
    if (prepared) data = await readDirectorySnapshot(config, key, now);
    if (!data) {
      // No worker, or the snapshot could not be written: prepare here instead.
      const result = await prepareDirectory(config, now);
      if (!result.ok) throw new DataLoadError(result.problems);
      if (!prepared) report(deps.logger, result.problems, result.snapshotError);
      data = result.data;
    }
  }
  deps.logger.info('officials data loaded', {
    ms: Math.round(performance.now() - started),
    fromSnapshot,
    vintage: data.status.vintage,
    officials: data.officials.length,
    warnings: data.status.warnings.length,
  });
  return data;
}

/**
 * Makes sure the data and a snapshot valid today exist, without loading the directory into this
 * process: a cluster primary calls it once before forking, so its workers only deserialize.
 */
export async function prepareDirectoryData(config: Config, deps: LoadOptions): Promise<void> {
  await fetchIfMissing(config, deps);
  const now = deps.clock.now();
  if (await hasDirectorySnapshot(config, await directoryKey(config), now)) return;
  if (deps.isolate !== false && (await prepareIsolated(config, now, deps.logger))) return;
  const result = await prepareDirectory(config, now);
  if (!result.ok) throw new DataLoadError(result.problems);
  report(deps.logger, result.problems, result.snapshotError);
}

async function fetchIfMissing(config: Config, deps: LoadOptions): Promise<void> {
  if (existsSync(config.dataDir)) return;
  const from = deps.fetchFrom ?? 'upstream';
  deps.logger.info('no officials data yet: fetching it', { from, dataDir: config.dataDir });
  const result = await syncData({
    from,
    dataDir: config.dataDir,
    varDir: config.varDir,
    fetchImpl: deps.fetchImpl,
    clock: deps.clock,
    progress: (message) => deps.logger.info(message),
  });
  if (!result.ok) throw new DataLoadError(result.problems);
}

/** True when the worker wrote the snapshot; false when no worker could run. Data errors throw. */
async function prepareIsolated(config: Config, now: Date, logger: Logger): Promise<boolean> {
  const outcome = await prepareInWorker(config, now);
  if (!outcome) return false;
  if (!outcome.ok) throw new DataLoadError(outcome.problems);
  report(logger, outcome.problems, outcome.snapshotError);
  return outcome.snapshotError === null;
}

function report(logger: Logger, problems: Problem[], snapshotError: string | null): void {
  for (const p of problems.slice(0, 50)) {
    logger.warn('data problem', { file: p.file, line: p.line, severity: p.severity, problem: p.message });
  }
  // Only start-up speed depends on the snapshots.
  if (snapshotError) logger.warn('could not write an officials snapshot', { error: snapshotError });
}
