import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { DirectoryData } from './types.ts';

/**
 * Reads the upstream files in `config.dataDir` (or a validated snapshot of them under
 * `config.varDir`) into `DirectoryData`.
 */
export async function loadDirectoryData(
  _config: Config,
  _deps: { clock: Clock; logger: Logger },
): Promise<DirectoryData> {
  throw new Error('not implemented yet');
}
