import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

/**
 * A validated snapshot of the sources under `<varDir>/cache/`, so a restart skips parsing 12 MB of
 * YAML. It is keyed by a fingerprint of every data file (path, size, modification time) and by
 * IMPORTER_VERSION, which must change whenever the importers' output changes shape or meaning.
 * A snapshot is a cache: when it is missing, stale or unreadable, the sources are read again.
 */
export const IMPORTER_VERSION = 5;
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

/**
 * Covers the data files and the importers' own source files, so a deploy that changes how data is
 * read or assembled rebuilds the snapshots even if IMPORTER_VERSION was not bumped.
 */
export async function fingerprint(dataDir: string): Promise<string> {
  const hash = createHash('sha256').update(`v${IMPORTER_VERSION}\0${path.resolve(dataDir)}\0`);
  const code = path.dirname(fileURLToPath(import.meta.url));
  const codeFiles = (await listFiles(code)).filter((f) => /\.[jt]s$/.test(f) && !/\.test\.[jt]s$/.test(f));
  for (const [dir, files] of [
    [dataDir, await listFiles(dataDir)],
    [code, codeFiles],
  ] as const) {
    for (const file of [...files].sort()) {
      const s = await stat(path.join(dir, file));
      hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
    }
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

/**
 * A snapshot file holds two v8-serialized values: a small header ({ version, tag }) and the value,
 * so a caller can reject a snapshot by its tag without deserializing the whole value.
 */
export async function readSnapshot<T>(
  varDir: string,
  kind: SnapshotKind,
  key: string,
  accept: (tag: string) => boolean = () => true,
): Promise<T | null> {
  try {
    const reader = new v8.Deserializer(await readFile(snapshotPath(varDir, kind, key)));
    reader.readHeader();
    const header = reader.readValue() as { version: number; tag: string };
    if (header.version !== IMPORTER_VERSION || !accept(header.tag)) return null;
    return reader.readValue() as T;
  } catch {
    return null;
  }
}

/**
 * The newest snapshot of a kind whatever its key, with its tag. Each kind keeps one file, and
 * only good data is written as `sources`, so for `sources` this is the last good data.
 */
export async function readLatestSnapshot<T>(
  varDir: string,
  kind: SnapshotKind,
): Promise<{ value: T; tag: string } | null> {
  const dir = path.join(varDir, 'cache');
  const names = (await readdir(dir).catch(() => [] as string[])).filter(
    (n) => n.startsWith(`${PREFIX}${kind}-`) && n.endsWith('.v8'),
  );
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  for (const { name } of dated.sort((a, b) => b.mtime - a.mtime)) {
    try {
      const reader = new v8.Deserializer(await readFile(path.join(dir, name)));
      reader.readHeader();
      const header = reader.readValue() as { version: number; tag: string };
      if (header.version === IMPORTER_VERSION) return { value: reader.readValue() as T, tag: header.tag };
    } catch {
      // An unreadable snapshot is no snapshot; try the next.
    }
  }
  return null;
}

/** The tag of a snapshot, reading only the start of the file; null when there is none of this version. */
export async function readSnapshotTag(varDir: string, kind: SnapshotKind, key: string): Promise<string | null> {
  try {
    const file = await open(snapshotPath(varDir, kind, key));
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
      const reader = new v8.Deserializer(buffer.subarray(0, bytesRead));
      reader.readHeader();
      const header = reader.readValue() as { version: number; tag: string };
      return header.version === IMPORTER_VERSION ? header.tag : null;
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}

/** Writes atomically (temporary file, then rename) and removes older snapshots of the same kind. */
export async function writeSnapshot(
  varDir: string,
  kind: SnapshotKind,
  key: string,
  value: unknown,
  tag = '',
): Promise<void> {
  const dir = path.join(varDir, 'cache');
  await mkdir(dir, { recursive: true });
  const target = snapshotPath(varDir, kind, key);
  const tmp = `${target}.${process.pid}.tmp`;
  const writer = new v8.Serializer();
  writer.writeHeader();
  writer.writeValue({ version: IMPORTER_VERSION, tag });
  writer.writeValue(value);
  await writeFile(tmp, writer.releaseBuffer());
  await rename(tmp, target);
  for (const name of await readdir(dir)) {
    if (name.startsWith(`${PREFIX}${kind}-`) && path.join(dir, name) !== target && !name.endsWith('.tmp')) {
      await rm(path.join(dir, name), { force: true });
    }
  }
}
