import { existsSync } from 'node:fs';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { DataLoadError, type Problem } from './import/problems.ts';
import { directoryKey, prepareDirectory, readDirectorySnapshot } from './prepare.ts';
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
  const { logger } = deps;
  if (!existsSync(config.dataDir)) {
    logger.info('no officials data yet: fetching it', { from: deps.fetchFrom ?? 'upstream', dataDir: config.dataDir });
    const result = await syncData({
      from: deps.fetchFrom ?? 'upstream',
      dataDir: config.dataDir,
      varDir: config.varDir,
      fetchImpl: deps.fetchImpl,
      progress: (message) => logger.info(message),
    });
    if (!result.ok) throw new DataLoadError(result.problems);
  }
  const now = deps.clock.now();
  const key = await directoryKey(config);
  let data = await readDirectorySnapshot(config, key, now);
  const fromSnapshot = data !== null;
  if (!data) {
    const outcome = deps.isolate === false ? null : await prepareInWorker(config, now);
    if (outcome?.ok) {
      report(logger, outcome.problems, outcome.snapshotError);
      data = await readDirectorySnapshot(config, key, now);
    } else if (outcome) throw new DataLoadError(outcome.problems);
    if (!data) {
      // No worker, or the snapshot could not be written: prepare here instead.
      const result = await prepareDirectory(config, now);
      if (!result.ok) throw new DataLoadError(result.problems);
      if (!outcome) report(logger, result.problems, result.snapshotError);
      data = result.data;
    }
  }
  logger.info('officials data loaded', {
    ms: Math.round(performance.now() - started),
    fromSnapshot,
    vintage: data.status.vintage,
    officials: data.officials.length,
    warnings: data.status.warnings.length,
  });
  return data;
}

function report(logger: Logger, problems: Problem[], snapshotError: string | null): void {
  for (const p of problems.slice(0, 50)) {
    logger.warn('data problem', { file: p.file, line: p.line, severity: p.severity, problem: p.message });
  }
  // Only start-up speed depends on the snapshots.
  if (snapshotError) logger.warn('could not write an officials snapshot', { error: snapshotError });
}
