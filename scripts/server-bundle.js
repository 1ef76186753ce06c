import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The production server is one bundled ES module (plus one file per worker thread), built by
 * esbuild from src/. Loading some 800 TypeScript modules through tsx keeps a loader thread and
 * every transformed module in memory: about 50 MB more RSS and twice the start-up time
 * (`npm run bench -- lookup` measures both). Tests and the CLI still run the sources through tsx.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'server');

/** The server and the worker entries it starts (src/workers.ts finds them as `<name>.js`). */
export const SERVER_ENTRIES = {
  server: path.join(ROOT, 'src/server.ts'),
  'sqlite-action-worker': path.join(ROOT, 'src/actions/sqlite-action-worker.ts'),
  'prepare-worker': path.join(ROOT, 'src/officials/prepare-worker.ts'),
};

const MANIFEST = 'manifest.json';

/**
 * Modules find their assets relative to their own file (`new URL('./client/main.ts',
 * import.meta.url)`); in one bundle they would all share the bundle's URL. This gives each module
 * under `sourceDir` its source file's URL back.
 * @param {string} sourceDir
 * @returns {import('esbuild').Plugin}
 */
function keepModuleUrls(sourceDir) {
  const escaped = sourceDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    name: 'keep-module-urls',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: new RegExp(`^${escaped}[\\\\/].*\\.[jt]sx?$`) }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const ext = path.extname(args.path).slice(1);
        return {
          contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader: /** @type {'ts' | 'tsx' | 'js' | 'jsx'} */ (ext),
        };
      });
    },
  };
}

/**
 * @typedef {object} BundleOptions
 * @property {Record<string, string>} [entryPoints] output name → source file
 * @property {string} [outdir]
 * @property {string} [sourceDir] modules under it keep their own import.meta.url
 */

/**
 * Builds into a fresh folder beside `outdir`, then swaps it in, so a server starting meanwhile never
 * loads half a bundle. Records every input's size and modification time for `isBundleFresh`.
 * @param {BundleOptions} [options]
 * @returns {Promise<string>} the folder holding the bundle
 */
export async function buildServerBundle(options = {}) {
  const outdir = options.outdir ?? BUNDLE_DIR;
  const sourceDir = options.sourceDir ?? path.join(ROOT, 'src');
  const building = `${outdir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  // Loaded only to build: a server started from a fresh bundle never holds esbuild in memory.
  const { build, stop } = await import('esbuild');
  const result = await build({
    entryPoints: options.entryPoints ?? SERVER_ENTRIES,
    outdir: building,
    plugins: [keepModuleUrls(sourceDir)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    // Native and optional modules load from node_modules at run time.
    external: ['better-sqlite3', 'pg-native'],
    define: { VOZ_BUNDLE_DIR: JSON.stringify(outdir) },
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as vozBundleRequire } from 'node:module'; const require = vozBundleRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  }).finally(stop);
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(input);
    const s = await stat(file);
    inputs[file] = [s.size, s.mtimeMs];
  }
  const entries = Object.keys(options.entryPoints ?? SERVER_ENTRIES);
  await writeFile(path.join(building, MANIFEST), JSON.stringify({ entries, inputs }));
  const old = `${outdir}.old-${process.pid}`;
  await rename(outdir, old).catch(() => undefined);
  // Another start may have swapped in its own build of the same sources meanwhile: keep that one.
  await rename(building, outdir).catch(() => rm(building, { recursive: true, force: true }));
  await rm(old, { recursive: true, force: true });
  return outdir;
}

/**
 * True when the bundle in `outdir` was built from exactly the files now on disk.
 * @param {BundleOptions} [options]
 * @returns {Promise<boolean>}
 */
export async function isBundleFresh(options = {}) {
  const outdir = options.outdir ?? BUNDLE_DIR;
  const wanted = Object.keys(options.entryPoints ?? SERVER_ENTRIES);
  /** @type {{ entries: string[]; inputs: Record<string, [number, number]> }} */
  let manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(outdir, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  if (wanted.some((name) => !manifest.entries.includes(name))) return false;
  for (const [file, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
    const s = await stat(file).catch(() => null);
    if (!s || s.size !== size || s.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/**
 * The bundle's folder, rebuilt first when a source or dependency changed since it was built.
 * @param {BundleOptions} [options]
 * @returns {Promise<{ dir: string; built: boolean }>}
 */
export async function ensureServerBundle(options = {}) {
  const outdir = options.outdir ?? BUNDLE_DIR;
  if (await isBundleFresh(options)) return { dir: outdir, built: false };
  await mkdir(path.dirname(outdir), { recursive: true });
  return { dir: await buildServerBundle(options), built: true };
}
