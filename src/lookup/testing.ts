import { type Clock, fixedClock } from '../clock.ts';
import { silentLogger } from '../log.ts';
import type { Directory } from '../officials/directory.ts';
import { loadDirectoryData } from '../officials/load.ts';
import { testConfig } from '../officials/testing/mirror.ts';
import type { DirectoryData } from '../officials/types.ts';
import { createDirectory } from './create-directory.ts';

export { ROOT, testConfig } from '../officials/testing/mirror.ts';

/**
 * Tests run against the real mirror (officials/testing/mirror.ts), read once per test process
 * through the real importer, at a fixed date after the 2026 election.
 */
export const TEST_NOW = '2026-11-28T12:00:00Z';

let loading: Promise<DirectoryData> | null = null;

export function mirrorData(): Promise<DirectoryData> {
  loading ??= loadDirectoryData(testConfig(), { clock: fixedClock(TEST_NOW), logger: silentLogger });
  return loading;
}

export async function mirrorDirectory(
  clock: Clock & { set(at: string): void } = fixedClock(TEST_NOW),
): Promise<{ directory: Directory; data: DirectoryData; clock: Clock & { set(at: string): void } }> {
  const data = await mirrorData();
  return { directory: createDirectory(data, clock), data, clock };
}
