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

export function buildAdminSources(): { css: string; js: string } {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const js = esbuild.buildSync({
    entryPoints: [path.join(here, 'client/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  const css = esbuild.transformSync(readFileSync(path.join(here, 'admin.css'), 'utf8'), {
    loader: 'css',
    minify: true,
  });
  return { css: css.code, js: js.outputFiles[0]?.text ?? '' };
}

function readPrebuilt(): { css: string; js: string } {
  const file = (name: string) => path.join(ADMIN_PREBUILT_DIR, name);
  if (!existsSync(file('admin.css')) || !existsSync(file('admin.js'))) {
    throw new Error('The admin assets are not built: install dev dependencies or run scripts/build-admin-client.ts.');
  }
  return { css: readFileSync(file('admin.css'), 'utf8'), js: readFileSync(file('admin.js'), 'utf8') };
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
  byUrl: Map<string, Asset>;
}

let cached: AdminAssets | null = null;

export function loadAdminAssets(): AdminAssets {
  if (cached) return cached;
  let sources: { css: string; js: string };
  try {
    sources = buildAdminSources();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    sources = readPrebuilt();
  }
  const css = asset('admin', 'css', 'text/css; charset=utf-8', sources.css);
  const js = asset('admin', 'js', 'text/javascript; charset=utf-8', sources.js);
  cached = { css, js, byUrl: new Map([css, js].map((a) => [a.url, a])) };
  return cached;
}
