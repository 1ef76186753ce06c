import { Worker } from 'node:worker_threads';
import type { NewAction } from './action.ts';
import type { ActionTuple } from './sqlite-action-worker.ts';

/**
 * Writes action batches to a SQLite file from a worker thread (see sqlite-action-worker.ts), so
 * the fsync of each commit does not stall the event loop. `write` resolves once the batch's
 * transaction has committed and rejects if it failed or the worker died; the worker is started
 * again on the next write.
 */
export class SqliteActionWriter {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();

  constructor(private readonly path: string) {}

  write(items: readonly NewAction[]): Promise<void> {
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    const rows: ActionTuple[] = items.map((a) => [
      a.campaignId,
      a.target,
      a.channel,
      a.outcome,
      a.state,
      a.district,
      a.language,
      a.createdAt,
    ]);
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, rows });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    // Node 20 cannot start a worker from a .ts entry, even under --import tsx (the worker
    // resolves its entry before any loader hook): boot it through tsx's API instead.
    const entry = new URL('./sqlite-action-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { path: this.path } });
    worker.on('message', (message: { id: number; error: string | null }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error === null) waiter?.resolve();
      else waiter?.reject(new Error(message.error));
    });
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(new Error(reason));
      this.waiting.clear();
    };
    worker.on('error', (err) => fail(`SQLite writer failed: ${err.message}`));
    worker.on('exit', (code) => fail(`SQLite writer stopped (exit ${code})`));
    this.worker = worker;
    return worker;
  }
}
