import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_PREBUILT_DIR, buildAdminSources } from '../src/admin/assets.ts';

/** Writes the workspace and embed stylesheets and scripts to dist/admin, for installs without dev dependencies. */
const sources = buildAdminSources();
mkdirSync(ADMIN_PREBUILT_DIR, { recursive: true });
for (const [name, text] of Object.entries(sources)) {
  writeFileSync(path.join(ADMIN_PREBUILT_DIR, name), text);
  process.stdout.write(`dist/admin/${name}: ${text.length} B\n`);
}
