import { mirrorDirectory } from '../../lookup/testing.ts';
import type { Directory } from '../../officials/directory.ts';
import type { DirectoryData } from '../../officials/types.ts';

export { TEST_NOW } from '../../lookup/testing.ts';

/**
 * The real directory over the mirrored data, loaded once per test process: the address flow is
 * tested against real officials and real Open States district names, at the tests' fixed date.
 */
export async function realDirectory(): Promise<{ data: DirectoryData; directory: Directory }> {
  const { data, directory } = await mirrorDirectory();
  return { data, directory };
}
