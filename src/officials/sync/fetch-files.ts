import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isStateCode, STATE_CODES } from '../../domain.ts';
import { OPENSTATES_DIR, OPENSTATES_KINDS } from '../import/openstates.ts';
import { MANIFEST_FILE } from '../import/source-meta.ts';
import { SOURCES } from '../sources.ts';
import { readTarGz } from './tar.ts';

export type Progress = (message: string) => void;

export interface FetchOptions {
  timeoutMs: number;
  progress: Progress;
  fetchImpl?: typeof fetch;
}

export class FetchFailed extends Error {}

/** Data files laid out like the mirror, plus the documentation that travels with them. */
const SOURCE_DIRS = ['congress-legislators', 'zip-district', 'zcta-centroids', 'district-boundaries', OPENSTATES_DIR];
const EXTRA_FILES = [
  'README.md',
  MANIFEST_FILE,
  // The upstream licences and notes travel with the data they cover (the mirror's README lists them).
  'congress-legislators/UPSTREAM-LICENSE',
  'congress-legislators/UPSTREAM-README.md',
  'openstates-people/UPSTREAM-LICENSE',
  'openstates-people/UPSTREAM-README.md',
  'openstates-people/UPSTREAM-schema.md',
  'zcta-centroids/UPSTREAM-LICENSE-Apache-2.0',
  'zcta-centroids/UPSTREAM-README.md',
  'zip-district/UPSTREAM-LICENSE',
  'zip-district/UPSTREAM-README.md',
];

async function put(staging: string, rel: string, data: Buffer | string): Promise<void> {
  const target = path.join(staging, rel);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
}

/** Copies a directory laid out like the mirror (the files' own read-only modes are not kept). */
export async function copyFromDirectory(from: string, staging: string, progress: Progress): Promise<void> {
  const copyTree = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(from, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) await copyTree(child);
      else if (e.isFile()) await put(staging, child, await readFile(path.join(from, child)));
    }
  };
  for (const dir of SOURCE_DIRS) {
    progress(`copying ${dir}/`);
    await copyTree(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      // A missing source folder is reported by validation, with the file names it expects.
    });
  }
  for (const file of EXTRA_FILES) {
    const data = await readFile(path.join(from, file)).catch(() => null);
    if (data) await put(staging, file, data);
  }
}

async function download(url: string, options: FetchOptions, optional = false): Promise<Buffer | null> {
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new FetchFailed(`${url}: ${failureOf(err, options.timeoutMs)}`);
  }
  if (optional && response.status === 404) return null;
  if (!response.ok) throw new FetchFailed(`${url}: HTTP ${response.status}`);
  try {
    return Buffer.from(await response.arrayBuffer());
  } catch (err) {
    // The headers came, the body did not: a connection dropped mid-file.
    throw new FetchFailed(`${url}: the download broke off (${failureOf(err, options.timeoutMs)})`);
  }
}

/**
 * Why a fetch failed, in words: undici says only "fetch failed" or "terminated" and puts the
 * reason (ECONNREFUSED 127.0.0.1:3433, ENOTFOUND, a socket closed early) in `cause`.
 */
function failureOf(err: unknown, timeoutMs: number): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const cause = err.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${err.message}: ${typeof code === 'string' && !cause.message.includes(code) ? `${code} ` : ''}${cause.message}`;
  }
  return err.message;
}

/**
 * Fetches from a base URL laid out like the mirror (e.g. a copy of it on a web server). Open States
 * bundles are fetched for every state code; a jurisdiction the server lacks is skipped.
 */
export async function fetchFromMirrorUrl(base: URL, staging: string, options: FetchOptions): Promise<void> {
  const root = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  const files = SOURCES.flatMap((s) => Object.keys(s.files)).filter((f) => f !== OPENSTATES_DIR);
  for (const [i, file] of files.entries()) {
    options.progress(`fetching ${file} (${i + 1}/${files.length})`);
    await put(staging, file, (await download(new URL(file, root).href, options))!);
  }
  options.progress(`fetching ${OPENSTATES_DIR}/ bundles`);
  for (const state of STATE_CODES) {
    for (const kind of OPENSTATES_KINDS) {
      const rel = `${OPENSTATES_DIR}/${state.toLowerCase()}/${kind}.yml`;
      const data = await download(new URL(rel, root).href, options, true);
      if (data) await put(staging, rel, data);
    }
  }
  for (const file of EXTRA_FILES) {
    const data = await download(new URL(file, root).href, options, true).catch(() => null);
    if (data) await put(staging, file, data);
  }
}

/**
 * Fetches from the upstream projects (SOURCES). Open States keeps one YAML file per person; its
 * repository archive is read and each `data/<state>/<kind>/` folder is bundled into one
 * multi-document `openstates-people/<state>/<kind>.yml`, with a `# source:` comment per person,
 * which is the mirror's layout.
 */
export async function fetchFromUpstream(staging: string, options: FetchOptions, archiveUrl?: string): Promise<void> {
  const files = SOURCES.flatMap((s) => Object.entries(s.files)).filter(([f]) => f !== OPENSTATES_DIR);
  for (const [i, [file, url]] of files.entries()) {
    options.progress(`fetching ${url} (${i + 1}/${files.length + 1})`);
    await put(staging, file, (await download(url, options))!);
  }
  const archive = archiveUrl ?? SOURCES.find((s) => s.key === 'openstates')!.files[OPENSTATES_DIR]!;
  options.progress(`fetching ${archive} (${files.length + 1}/${files.length + 1}); this is the largest step`);
  const tarball = (await download(archive, options))!;
  options.progress('bundling Open States people by state');
  await bundleOpenStatesArchive(tarball, staging);
}

const PERSON_FILE = /^[^/]+\/data\/([a-z]{2})\/(legislature|executive)\/([^/]+\.ya?ml)$/;

export async function bundleOpenStatesArchive(tarball: Buffer, staging: string): Promise<number> {
  const bundles = new Map<string, string[]>();
  readTarGz(
    tarball,
    (p) => isStateCode(PERSON_FILE.exec(p)?.[1]?.toUpperCase() ?? ''),
    (p, data) => {
      const [, state, kind, name] = PERSON_FILE.exec(p)!;
      const key = `${state}/${kind}`;
      const doc = `# source: data/${state}/${kind}/${name}\n---\n${data.toString('utf8').replace(/\n?$/, '\n')}`;
      const list = bundles.get(key);
      if (list) list.push(doc);
      else bundles.set(key, [doc]);
    },
  );
  for (const [key, docs] of bundles) {
    docs.sort();
    const header = `# openstates/people data/${key}/*.yml bundled as one multi-document YAML stream (${docs.length} people).\n`;
    await put(staging, `${OPENSTATES_DIR}/${key}.yml`, header + docs.join(''));
  }
  return bundles.size;
}
