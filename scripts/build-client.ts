import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSources, PREBUILT_DIR } from '../src/web/assets.ts';

/**
 * Writes the page stylesheet and client bundle to dist/client, for installs without dev
 * dependencies (the server builds them in memory when esbuild is present).
 */
const { css, js } = buildSources();
rmSync(PREBUILT_DIR, { recursive: true, force: true });
mkdirSync(PREBUILT_DIR, { recursive: true });
writeFileSync(path.join(PREBUILT_DIR, 'style.css'), css);
writeFileSync(path.join(PREBUILT_DIR, 'app.js'), js);
process.stdout.write(`dist/client: style.css ${css.length} B, app.js ${js.length} B\n`);
