import { existsSync } from 'node:fs';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { assembleDirectory } from './build/assemble.ts';
import { isoDay } from './build/dates.ts';
import { DataLoadError } from './import/problems.ts';
import { type ImportedSources, readSources } from './import/read-sources.ts';
import { fingerprint, readSnapshot, snapshotKey, writeSnapshot } from './snapshot.ts';
import { syncData } from './sync/sync.ts';
import type { DirectoryData } from './types.ts';

/**
 * Reads the upstream files in `config.dataDir` (or a validated snapshot of them under
 * `config.varDir`) into `DirectoryData` as of the clock's today. When the data directory does not
 * exist yet (a fresh install without the mirror), it is first fetched from upstream, exactly as
 * `voz data sync --from upstream` does.
 */
export async function loadDirectoryData(
  config: Config,
  deps: { clock: Clock; logger: Logger; fetchFrom?: string; fetchImpl?: typeof fetch },
): Promise<DirectoryData> {
  const started = performance.now();
  const { logger } = deps;
  if (!existsSync(config.dataDir)) {
    logger.info('no officials data yet: fetching it from upstream', { dataDir: config.dataDir });
    const result = await syncData({
      from: deps.fetchFrom ?? 'upstream',
      dataDir: config.dataDir,
      varDir: config.varDir,
      fetchImpl: deps.fetchImpl,
      progress: (message) => logger.info(message),
    });
    if (!result.ok) throw new DataLoadError(result.problems);
  }
  const fp = await fingerprint(config.dataDir);
  // The assembled directory depends on the data, the day and the White House settings.
  const dayKey = snapshotKey(fp, isoDay(deps.clock.now()), config.whiteHouse.phone, config.whiteHouse.contactUrl);
  let data = await readSnapshot<DirectoryData>(config.varDir, 'directory', dayKey);
  const fromSnapshot = data !== null;
  if (!data) {
    const sources = await readCachedSources(config, fp, logger);
    data = assembleDirectory(sources, { config, clock: deps.clock, dataDir: config.dataDir });
    await writeSnapshot(config.varDir, 'directory', dayKey, data).catch((err: unknown) => warnSnapshot(logger, err));
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

async function readCachedSources(config: Config, fp: string, logger: Logger): Promise<ImportedSources> {
  const cached = await readSnapshot<ImportedSources>(config.varDir, 'sources', fp);
  if (cached) return cached;
  const result = await readSources(config.dataDir);
  if (!result.ok) throw new DataLoadError(result.problems.filter((p) => p.severity === 'fatal'));
  for (const p of result.sources.problems.slice(0, 50)) {
    logger.warn('data problem', { file: p.file, line: p.line, severity: p.severity, problem: p.message });
  }
  await writeSnapshot(config.varDir, 'sources', fp, result.sources).catch((err: unknown) => warnSnapshot(logger, err));
  return result.sources;
}

/** Only start-up speed depends on the snapshots. */
function warnSnapshot(logger: Logger, err: unknown): void {
  logger.warn('could not write an officials snapshot', { error: err instanceof Error ? err.message : String(err) });
}
