import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers.ts';
import type { NewAction } from './action.ts';
import { toActionTuple } from './tallies.ts';

interface Waiter {
  resolve(): void;
  reject(err: Error): void;
}

interface Running {
  worker: Worker;
  /** Batches sent to this worker and not yet answered. */
  waiting: Map<number, Waiter>;
}

/**
 * Writes action batches to a SQLite file from a worker thread (see sqlite-action-worker.ts), so
 * the fsync of each commit does not stall the event loop. `write` resolves once the batch's
 * transaction has committed and rejects if it failed or the worker died; the worker is started
 * again on the next write.
 */
export class SqliteActionWriter {
  private running: Running | null = null;
  private nextId = 0;

  constructor(private readonly path: string) {}

  write(items: readonly NewAction[]): Promise<void> {
    const running = this.running ?? this.start();
    const id = ++this.nextId;
    const rows = items.map(toActionTuple);
    return new Promise<void>((resolve, reject) => {
      running.waiting.set(id, { resolve, reject });
      // Held open only while a batch is being written, so an idle writer never keeps a process alive.
      if (running.waiting.size === 1) running.worker.ref();
      running.worker.postMessage({ id, rows });
    });
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.worker.terminate();
  }

  private start(): Running {
    const worker = startWorker(new URL('./sqlite-action-worker.ts', import.meta.url), { path: this.path });
    const running: Running = { worker, waiting: new Map() };
    worker.on('message', (message: { id: number; error: string | null }) => {
      const waiter = running.waiting.get(message.id);
      running.waiting.delete(message.id);
      if (running.waiting.size === 0) worker.unref();
      if (message.error === null) waiter?.resolve();
      else waiter?.reject(new Error(message.error));
    });
    const fail = (reason: string) => {
      if (this.running === running) this.running = null;
      for (const waiter of running.waiting.values()) waiter.reject(new Error(reason));
      running.waiting.clear();
    };
    worker.on('error', (err: unknown) => {
      // Errors thrown in a worker arrive as copies that may have lost their prototype.
      const message = (err as { message?: unknown } | null)?.message;
      fail(`SQLite writer failed: ${typeof message === 'string' ? message : String(err)}`);
    });
    worker.on('exit', (code) => fail(`SQLite writer stopped (exit ${code})`));
    worker.unref();
    this.running = running;
    return running;
  }
}
