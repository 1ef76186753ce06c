import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './server-process.ts';

/**
 * Bundles src/server.ts into one ES module, to measure start-up without loading hundreds of
 * files through the TypeScript loader (Kysely alone is some 300 modules). Native and optional
 * modules stay outside the bundle.
 */
export async function bundleServer(): Promise<string> {
  // Inside the checkout, so that the external modules resolve from its node_modules.
  const outfile = path.join(ROOT, 'var', 'bench', 'server.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'src/server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    external: ['better-sqlite3', 'pg-native'],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
