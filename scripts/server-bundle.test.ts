import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureServerBundle, isBundleFresh } from './server-bundle.js';

/** A two-file TypeScript project in a temp folder, bundled the way the server is. */
function makeProject() {
  const dir = mkdtempSync(path.join(tmpdir(), 'voz-bundle-'));
  const src = path.join(dir, 'src');
  mkdirSync(src);
  const write = (name: string, text: string) => writeFileSync(path.join(src, name), text);
  write('dep.ts', "export const word: string = 'first';\n");
  write(
    'main.ts',
    "import { word } from './dep.ts';\ndeclare const VOZ_BUNDLE_DIR: string;\nexport const here = import.meta.url;\nexport const bundleDir = VOZ_BUNDLE_DIR;\nexport { word };\n",
  );
  const outdir = path.join(dir, 'out');
  const options = { entryPoints: { main: path.join(src, 'main.ts') }, outdir, sourceDir: src };
  return { dir, src, write, outdir, options, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the server bundle is built once and rebuilt only when one of its inputs changes', async () => {
  const p = makeProject();
  try {
    assert.equal(await isBundleFresh(p.options), false);
    assert.equal((await ensureServerBundle(p.options)).built, true);
    assert.equal((await ensureServerBundle(p.options)).built, false);
    p.write('dep.ts', "export const word: string = 'second';\n");
    assert.equal(await isBundleFresh(p.options), false);
    assert.equal((await ensureServerBundle(p.options)).built, true);
    assert.match(readFileSync(path.join(p.outdir, 'main.js'), 'utf8'), /second/);
    // Same size, new time: still a change (an edit that keeps the length, or a checkout).
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(p.src, 'dep.ts'), later, later);
    assert.equal((await ensureServerBundle(p.options)).built, true);
  } finally {
    p.dispose();
  }
});

test('bundled modules keep their own source URL and learn where the bundle lives', async () => {
  const p = makeProject();
  try {
    await ensureServerBundle(p.options);
    const mod = (await import(pathToFileURL(path.join(p.outdir, 'main.js')).href)) as Record<string, string>;
    assert.equal(mod.here, pathToFileURL(path.join(p.src, 'main.ts')).href);
    assert.equal(mod.bundleDir, p.outdir);
    assert.equal(mod.word, 'first');
  } finally {
    p.dispose();
  }
});

test('a bundle that lacks an entry the server needs is not fresh', async () => {
  const p = makeProject();
  try {
    await ensureServerBundle(p.options);
    p.write('worker.ts', 'export {};\n');
    const more = { ...p.options, entryPoints: { ...p.options.entryPoints, worker: path.join(p.src, 'worker.ts') } };
    assert.equal(await isBundleFresh(more), false);
  } finally {
    p.dispose();
  }
});
