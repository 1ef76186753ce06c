import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The campaign page's script bundles the template parser and the title rules, so the browser fills
 * templates exactly as the server does. They must stay free of Node built-ins and heavy packages.
 */
test('the template modules bundle for the browser with nothing else pulled in', async () => {
  const result = await build({
    stdin: {
      contents: "export * from './templates.ts'; export * from './official-titles.ts';",
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => p.replace(/^.*src\//, 'src/'));
  assert.deepEqual(inputs.filter((p) => p !== '<stdin>').sort(), [
    'src/campaigns/official-titles.ts',
    'src/campaigns/templates.ts',
  ]);
  const size = result.outputFiles[0]!.contents.byteLength;
  assert.ok(size < 10_000, `bundle is ${size} bytes`);
});
