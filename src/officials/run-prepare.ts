import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { startWorker } from '../workers.ts';
import type { Problem } from './import/problems.ts';

export type WorkerOutcome =
  | { ok: true; problems: Problem[]; snapshotError: string | null; degraded: boolean }
  | { ok: false; problems: Problem[]; reason: string };

/**
 * Starts prepare-worker.ts (src/workers.ts says how, from the sources or the bundle).
 * Resolves null when no worker can be started, so the caller can prepare in-process instead.
 */
export function prepareInWorker(config: Config, now: Date, logger: Logger): Promise<WorkerOutcome | null> {
  let worker: Worker;
  try {
    worker = startWorker(new URL('./prepare-worker.ts', import.meta.url), { config, now: now.toISOString() });
  } catch (err) {
    // Preparing in-process works too, only with the import's memory kept in the server's heap.
    logger.warn('data preparation worker could not start: preparing in this process', {
      error: err instanceof Error ? err.message : String(err),
    });
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
