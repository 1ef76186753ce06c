import type { Clock } from '../clock.ts';
import type { Directory } from '../officials/directory.ts';
import type { DirectoryData } from '../officials/types.ts';

/** Indexes `DirectoryData` for fast lookups. */
export function createDirectory(_data: DirectoryData, _clock: Clock): Directory {
  throw new Error('not implemented yet');
}
