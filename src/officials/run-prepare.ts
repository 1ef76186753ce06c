import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Problem } from './import/problems.ts';

export type WorkerOutcome =
  | { ok: true; problems: Problem[]; snapshotError: string | null }
  | { ok: false; problems: Problem[] };

/**
 * Starts prepare-worker.ts. Under tsx (how Voz runs) a worker does not inherit the TypeScript
 * loader, so the worker first registers it; compiled JavaScript would load the entry directly.
 * Resolves null when no worker can be started, so the caller can prepare in-process instead.
 */
export function prepareInWorker(config: Config, now: Date): Promise<WorkerOutcome | null> {
  const entry = new URL(
    import.meta.url.endsWith('.ts') ? './prepare-worker.ts' : './prepare-worker.js',
    import.meta.url,
  );
  let worker: Worker;
  try {
    const workerData = { config, now: now.toISOString() };
    if (entry.pathname.endsWith('.ts')) {
      const api = import.meta.resolve('tsx/esm/api');
      const source = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
      worker = new Worker(source, { eval: true, workerData });
    } else worker = new Worker(entry, { workerData });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    let outcome: WorkerOutcome | null = null;
    worker.once('message', (message: WorkerOutcome) => {
      outcome = message;
    });
    worker.once('error', reject);
    worker.once('exit', () => resolve(outcome));
  });
}
