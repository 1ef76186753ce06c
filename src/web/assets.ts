import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The stylesheet and the client bundle, built once per process and served from memory under a
 * content-hashed URL (`/assets/app.1a2b3c4d.js`) with a year-long immutable Cache-Control, in
 * brotli and gzip computed once. esbuild builds them at start-up when it is installed; otherwise
 * the files written by `npm run build:client` into dist/client are used.
 */

export interface Asset {
  url: string;
  type: string;
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

export interface Assets {
  css: Asset;
  js: Asset;
  byUrl: Map<string, Asset>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
export const PREBUILT_DIR = path.join(ROOT, 'dist/client');

/** Sources as esbuild output them: minified, no source maps (they would double the bytes). */
export function buildSources(): { css: string; js: string } {
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
  const css = esbuild.transformSync(readFileSync(path.join(here, 'style.css'), 'utf8'), {
    loader: 'css',
    minify: true,
  });
  return { css: css.code, js: js.outputFiles[0]?.text ?? '' };
}

function readPrebuilt(): { css: string; js: string } {
  const files = existsSync(PREBUILT_DIR) ? readdirSync(PREBUILT_DIR) : [];
  const pick = (ext: string) => files.find((f) => f.endsWith(ext));
  const css = pick('.css');
  const js = pick('.js');
  if (!css || !js) {
    throw new Error('The page assets are not built: install dev dependencies or run `npm run build:client`.');
  }
  return {
    css: readFileSync(path.join(PREBUILT_DIR, css), 'utf8'),
    js: readFileSync(path.join(PREBUILT_DIR, js), 'utf8'),
  };
}

function makeAsset(name: string, ext: string, type: string, text: string): Asset {
  const raw = Buffer.from(text);
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 10);
  return {
    url: `/assets/${name}.${hash}.${ext}`,
    type,
    raw,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(raw, { level: 9 }),
    etag: `"${hash}"`,
  };
}

let cached: Assets | null = null;

export function loadAssets(): Assets {
  if (cached) return cached;
  let sources: { css: string; js: string };
  try {
    sources = buildSources();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    sources = readPrebuilt();
  }
  const css = makeAsset('style', 'css', 'text/css; charset=utf-8', sources.css);
  const js = makeAsset('app', 'js', 'text/javascript; charset=utf-8', sources.js);
  cached = { css, js, byUrl: new Map([css, js].map((a) => [a.url, a])) };
  return cached;
}
