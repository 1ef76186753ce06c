import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { prepareDirectory } from './prepare.ts';

/**
 * Runs `prepareDirectory` in a worker thread, so the garbage of parsing 12 MB of YAML dies with the
 * worker's heap instead of staying in the server's resident memory. The directory itself is handed
 * over through the snapshot file, not the message, which carries only the outcome.
 */
const { config, now } = workerData as { config: Config; now: string };
const result = await prepareDirectory(config, new Date(now));
parentPort?.postMessage(
  result.ok
    ? { ok: true, problems: result.problems, snapshotError: result.snapshotError, degraded: result.degraded }
    : result,
);
