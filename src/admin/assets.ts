import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Asset } from '../web/assets.ts';

/**
 * The workspace's stylesheet and script, served from memory under content-hashed URLs below
 * /admin/assets/ (public: the sign-in page needs them, and they hold nothing secret). esbuild
 * bundles them at start-up when installed; otherwise `scripts/build-admin-client.ts` has written
 * them to dist/admin.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const ADMIN_PREBUILT_DIR = path.resolve(here, '../../dist/admin');

/** File names in dist/admin, and their sources. */
export const ADMIN_SOURCES = {
  'admin.css': 'admin.css',
  'admin.js': 'client/main.ts',
  'embed.css': 'embed/embed.css',
  'frame.js': 'embed/frame-client.ts',
} as const;
export type AdminFile = keyof typeof ADMIN_SOURCES;
const FILES = Object.keys(ADMIN_SOURCES) as AdminFile[];

export function buildAdminSources(): Record<AdminFile, string> {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const build = (file: AdminFile): string => {
    const source = path.join(here, ADMIN_SOURCES[file]);
    if (file.endsWith('.css')) {
      return esbuild.transformSync(readFileSync(source, 'utf8'), { loader: 'css', minify: true }).code;
    }
    const out = esbuild.buildSync({
      entryPoints: [source],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      legalComments: 'none',
    });
    return out.outputFiles[0]?.text ?? '';
  };
  return Object.fromEntries(FILES.map((f) => [f, build(f)])) as Record<AdminFile, string>;
}

function readPrebuilt(): Record<AdminFile, string> {
  const file = (name: string) => path.join(ADMIN_PREBUILT_DIR, name);
  if (!FILES.every((n) => existsSync(file(n)))) {
    throw new Error('The admin assets are not built: install dev dependencies or run scripts/build-admin-client.ts.');
  }
  return Object.fromEntries(FILES.map((n) => [n, readFileSync(file(n), 'utf8')])) as Record<AdminFile, string>;
}

function asset(name: string, ext: string, type: string, text: string): Asset {
  const raw = Buffer.from(text);
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 10);
  return {
    url: `/admin/assets/${name}.${hash}.${ext}`,
    type,
    raw,
    br: brotliCompressSync(raw),
    gzip: gzipSync(raw, { level: 9 }),
    etag: `"${hash}"`,
  };
}

export interface AdminAssets {
  css: Asset;
  js: Asset;
  embedCss: Asset;
  frameJs: Asset;
  byUrl: Map<string, Asset>;
}

let cached: AdminAssets | null = null;

export function loadAdminAssets(): AdminAssets {
  if (cached) return cached;
  let sources: Record<AdminFile, string>;
  try {
    sources = buildAdminSources();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    sources = readPrebuilt();
  }
  const css = asset('admin', 'css', 'text/css; charset=utf-8', sources['admin.css']);
  const js = asset('admin', 'js', 'text/javascript; charset=utf-8', sources['admin.js']);
  const embedCss = asset('embed', 'css', 'text/css; charset=utf-8', sources['embed.css']);
  const frameJs = asset('frame', 'js', 'text/javascript; charset=utf-8', sources['frame.js']);
  const all = [css, js, embedCss, frameJs];
  cached = { css, js, embedCss, frameJs, byUrl: new Map(all.map((a) => [a.url, a])) };
  return cached;
}
