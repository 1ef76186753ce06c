import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';

/**
 * A validated snapshot of the sources under `<varDir>/cache/`, so a restart skips parsing 12 MB of
 * YAML. It is keyed by a fingerprint of every data file (path, size, modification time) and by
 * IMPORTER_VERSION, which must change whenever the importers' output changes shape or meaning.
 * A snapshot is a cache: when it is missing, stale or unreadable, the sources are read again.
 */
export const IMPORTER_VERSION = 1;
const PREFIX = 'officials-';

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, child)));
    else if (e.isFile()) out.push(child);
  }
  return out;
}

export async function fingerprint(dataDir: string): Promise<string> {
  const hash = createHash('sha256').update(`v${IMPORTER_VERSION}\0${path.resolve(dataDir)}\0`);
  const files = (await listFiles(dataDir)).sort();
  for (const file of files) {
    const s = await stat(path.join(dataDir, file));
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * Two kinds: `sources` (what the importers read, independent of the date) and `directory` (the
 * assembled DirectoryData for one day and one configuration, so a restart on the same day only
 * deserializes it). Each kind keeps its latest file only.
 */
export type SnapshotKind = 'sources' | 'directory';

const snapshotPath = (varDir: string, kind: SnapshotKind, key: string) =>
  path.join(varDir, 'cache', `${PREFIX}${kind}-${key}.v8`);

export function snapshotKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 20);
}

export async function readSnapshot<T>(varDir: string, kind: SnapshotKind, key: string): Promise<T | null> {
  try {
    const value = v8.deserialize(await readFile(snapshotPath(varDir, kind, key))) as { version: number; value: T };
    return value.version === IMPORTER_VERSION ? value.value : null;
  } catch {
    return null;
  }
}

/** Writes atomically (temporary file, then rename) and removes older snapshots of the same kind. */
export async function writeSnapshot(varDir: string, kind: SnapshotKind, key: string, value: unknown): Promise<void> {
  const dir = path.join(varDir, 'cache');
  await mkdir(dir, { recursive: true });
  const target = snapshotPath(varDir, kind, key);
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, v8.serialize({ version: IMPORTER_VERSION, value }));
  await rename(tmp, target);
  for (const name of await readdir(dir)) {
    if (name.startsWith(`${PREFIX}${kind}-`) && path.join(dir, name) !== target && !name.endsWith('.tmp')) {
      await rm(path.join(dir, name), { force: true });
    }
  }
}
