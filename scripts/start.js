#!/usr/bin/env node
// `npm start`: runs the bundled server (scripts/server-bundle.js), rebuilding it first when a source
// changed. The server runs in this process, so its PID, signals and exit code are the server's own.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBundle } from './server-bundle.js';

let dir;
try {
  ({ dir } = await ensureServerBundle());
} catch (err) {
  // esbuild has already printed each error with its file and line.
  process.stderr.write(`voz: could not build the server: ${err instanceof Error ? err.message.split('\n')[0] : err}\n`);
  process.exit(1);
}
await import(pathToFileURL(path.join(dir, 'server.js')).href);
