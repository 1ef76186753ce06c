import { existsSync } from 'node:fs';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { DataLoadError, type Problem } from './import/problems.ts';
import {
  directoryKey,
  hasDirectorySnapshot,
  type PrepareResult,
  prepareDirectory,
  readDirectorySnapshot,
} from './prepare.ts';
import { prepareInWorker, type WorkerOutcome } from './run-prepare.ts';
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
 *
 * Data that fails validation is not served (serving-policy.ts): the last good data is, with an
 * error in the log and `degraded` in the status; with no last good data, this throws.
 */
export async function loadDirectoryData(config: Config, deps: LoadOptions): Promise<DirectoryData> {
  const started = performance.now();
  const unavailable = await fetchIfMissing(config, deps);
  const now = deps.clock.now();
  const key = await directoryKey(config);
  let data = unavailable.length > 0 ? null : await readDirectorySnapshot(config, key, now);
  const fromSnapshot = data !== null;
  if (!data) {
    const isolate = deps.isolate !== false && unavailable.length === 0;
    const prepared = isolate ? await prepareIsolated(config, now, deps.logger) : false;
    if (prepared) data = await readDirectorySnapshot(config, key, now);
    if (!data) {
      // No worker, or the snapshot could not be written: prepare here instead.
      const result = await prepareDirectory(config, now, unavailable);
      if (!prepared) report(deps.logger, result);
      if (!result.ok) {
        throw new DataLoadError(
          result.problems,
          unavailable.length > 0
            ? `There is no officials data at ${config.dataDir} and fetching it failed. Set DATA_DIR to a copy of the data, or fetch it with \`voz data sync --from <directory or URL>\``
            : result.reason,
        );
      }
      data = result.data;
    }
  }
  if (data.status.degraded) reportDegraded(deps.logger, data);
  deps.logger.info('officials data loaded', {
    ms: Math.round(performance.now() - started),
    fromSnapshot,
    degraded: Boolean(data.status.degraded),
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
  const unavailable = await fetchIfMissing(config, deps);
  const now = deps.clock.now();
  if (unavailable.length === 0 && (await hasDirectorySnapshot(config, await directoryKey(config), now))) return;
  if (unavailable.length === 0 && deps.isolate !== false && (await prepareIsolated(config, now, deps.logger))) return;
  const result = await prepareDirectory(config, now, unavailable);
  report(deps.logger, result);
  if (!result.ok) throw new DataLoadError(result.problems, result.reason);
}

/** Fetches the data when the data directory is missing; a failure is returned, for the last good data to cover. */
async function fetchIfMissing(config: Config, deps: LoadOptions): Promise<Problem[]> {
  if (existsSync(config.dataDir)) return [];
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
  return result.ok ? [] : result.problems;
}

/** True when the worker wrote the snapshot; false when no worker could run. Data that cannot be served throws. */
async function prepareIsolated(config: Config, now: Date, logger: Logger): Promise<boolean> {
  const outcome = await prepareInWorker(config, now, logger);
  if (!outcome) return false;
  report(logger, outcome);
  if (!outcome.ok) throw new DataLoadError(outcome.problems, outcome.reason);
  return outcome.snapshotError === null;
}

function report(logger: Logger, outcome: WorkerOutcome | PrepareResult): void {
  // Problems of data that is not served are errors (reportDegraded lists them when the last good
  // data is served); the rest, accepted records and ignored values, are warnings.
  const log = outcome.ok ? logger.warn : logger.error;
  const listed = outcome.ok && outcome.degraded ? [] : outcome.problems;
  for (const p of listed.slice(0, 50)) {
    log('data problem', { file: p.file, line: p.line, severity: p.severity, problem: p.message });
  }
  if (listed.length > 50) log('more data problems', { count: listed.length - 50 });
  // Only start-up speed depends on the snapshots.
  if (outcome.ok && outcome.snapshotError) {
    logger.warn('could not write an officials snapshot', { error: outcome.snapshotError });
  }
}

/** Said at every start while it lasts, also when the directory comes from its snapshot. */
function reportDegraded(logger: Logger, data: DirectoryData): void {
  const degraded = data.status.degraded!;
  logger.error('serving the last good officials data', {
    reason: degraded.message,
    dataDir: data.status.dataDir,
    lastGoodValidatedAt: degraded.lastGoodValidatedAt,
  });
  for (const problem of degraded.problems) logger.error('data problem', { problem });
}
