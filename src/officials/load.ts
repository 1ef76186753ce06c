import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { assembleDirectory } from './build/assemble.ts';
import { DataLoadError } from './import/problems.ts';
import { readSources } from './import/read-sources.ts';
import type { DirectoryData } from './types.ts';

/**
 * Reads the upstream files in `config.dataDir` (or a validated snapshot of them under
 * `config.varDir`) into `DirectoryData`.
 */
export async function loadDirectoryData(
  config: Config,
  deps: { clock: Clock; logger: Logger },
): Promise<DirectoryData> {
  const started = performance.now();
  const result = await readSources(config.dataDir);
  if (!result.ok) throw new DataLoadError(result.problems.filter((p) => p.fatal));
  for (const p of result.sources.problems.slice(0, 50)) {
    deps.logger.warn('skipped a malformed data record', { file: p.file, line: p.line, problem: p.message });
  }
  const data = assembleDirectory(result.sources, { config, clock: deps.clock, dataDir: config.dataDir });
  deps.logger.info('officials data loaded', {
    ms: Math.round(performance.now() - started),
    vintage: data.status.vintage,
    officials: data.officials.length,
  });
  return data;
}
