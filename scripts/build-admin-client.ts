import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_PREBUILT_DIR, buildAdminSources } from '../src/admin/assets.ts';

/** Writes the workspace's stylesheet and script to dist/admin, for installs without dev dependencies. */
const { css, js } = buildAdminSources();
mkdirSync(ADMIN_PREBUILT_DIR, { recursive: true });
writeFileSync(path.join(ADMIN_PREBUILT_DIR, 'admin.css'), css);
writeFileSync(path.join(ADMIN_PREBUILT_DIR, 'admin.js'), js);
process.stdout.write(`dist/admin: admin.css ${css.length} B, admin.js ${js.length} B\n`);
