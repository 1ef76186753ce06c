import { existsSync } from 'node:fs';
import { fixedClock } from '../../clock.ts';
import { parseConfig } from '../../config.ts';
import { silentLogger } from '../../log.ts';
import { createDirectory } from '../../lookup/create-directory.ts';
import type { Directory } from '../../officials/directory.ts';
import { loadDirectoryData } from '../../officials/load.ts';
import type { DirectoryData } from '../../officials/types.ts';

/**
 * The real directory over the mirrored data (../shared/data), loaded once per test process: the
 * address flow is tested against real officials and real Open States district names. The clock
 * is fixed so no answer depends on today's date.
 */
export const TEST_NOW = '2026-11-28T12:00:00Z';
export const hasDataMirror = existsSync(parseConfig({}).dataDir);

let loading: Promise<{ data: DirectoryData; directory: Directory }> | null = null;

export function realDirectory(): Promise<{ data: DirectoryData; directory: Directory }> {
  loading ??= (async () => {
    const clock = fixedClock(TEST_NOW);
    const data = await loadDirectoryData(parseConfig({}), { clock, logger: silentLogger });
    return { data, directory: createDirectory(data, clock) };
  })();
  return loading;
}
