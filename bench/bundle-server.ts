import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { ROOT } from './server-process.ts';

/**
 * Modules find their assets relative to their own file (`new URL('./client/main.ts',
 * import.meta.url)`); in one bundle they would all share the bundle's URL. This gives each Voz
 * module its source file's URL back.
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

/**
 * Bundles src/server.ts into one ES module, to measure start-up without loading hundreds of
 * files through the TypeScript loader (Kysely alone is some 300 modules). Native and optional
 * modules stay outside the bundle.
 */
export async function bundleServer(): Promise<string> {
  // Inside the checkout, so that the external modules resolve from its node_modules.
  const outdir = path.join(ROOT, 'var', 'bench');
  await build({
    entryPoints: { server: path.join(ROOT, 'src/server.ts') },
    outdir,
    plugins: [keepModuleUrls],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    external: ['better-sqlite3', 'pg-native'],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as vozBundleRequire } from 'node:module'; const require = vozBundleRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return path.join(outdir, 'server.js');
}
