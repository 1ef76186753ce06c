import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Set by the production bundle (scripts/server-bundle.js) to the folder holding each worker entry
 * as `<name>.js`; undefined when the sources run through tsx.
 */
declare const VOZ_BUNDLE_DIR: string | undefined;

/**
 * Starts a worker thread from a TypeScript entry beside the caller. Node 20 cannot start a worker
 * from a .ts file, even under --import tsx (the worker resolves its entry before any loader hook),
 * so from the sources the worker first registers tsx; in the bundle it loads its own bundled file.
 */
export function startWorker(entry: URL, workerData: unknown): Worker {
  if (typeof VOZ_BUNDLE_DIR === 'string') {
    const name = path.basename(entry.pathname).replace(/\.ts$/, '.js');
    return new Worker(path.join(VOZ_BUNDLE_DIR, name), { workerData });
  }
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
