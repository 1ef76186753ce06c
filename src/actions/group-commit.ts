/**
 * Group commit: writes that arrive within a few milliseconds of each other share one transaction,
 * so one fsync (SQLite WAL with synchronous=FULL) or one COMMIT (PostgreSQL) acknowledges many
 * requests. Each `submit` resolves only after the transaction holding its item has committed,
 * and rejects if that transaction failed: nothing is acknowledged that was not written.
 *
 * By default one transaction is in flight at a time (see `maxInFlight`). Items that arrive meanwhile wait for it and then go
 * together in the next one, without a further delay (they have already waited). The queue is
 * bounded: past `maxPending` waiting items, `submit` rejects at once with `QueueFullError`, which
 * the route turns into 503 with Retry-After instead of letting latency and memory grow unbounded.
 */

export class QueueFullError extends Error {
  constructor(readonly pending: number) {
    super(`write queue is full (${pending} waiting)`);
    this.name = 'QueueFullError';
  }
}

export class WriterClosedError extends Error {
  constructor() {
    super('writer is closed');
    this.name = 'WriterClosedError';
  }
}

export interface GroupCommitOptions<T> {
  /** Writes all items in one transaction; resolves once it has committed. */
  write(items: T[]): Promise<void>;
  /** How long the first item of a batch waits for company, in ms (0: the next turn of the event loop). */
  windowMs: number;
  /** Most items per transaction. */
  maxBatch?: number;
  /** Most items waiting (not counting the batch in flight) before submits are refused. */
  maxPending?: number;
  /**
   * Transactions allowed at once (default 1). PostgreSQL overlaps concurrent commits on separate
   * connections; a SQLite file has one writer, so more would only queue.
   */
  maxInFlight?: number;
  /** Told about each finished transaction, for logs and tests. */
  onBatch?(info: { size: number; ms: number; error: unknown }): void;
}

interface Waiter<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
}

export class GroupCommit<T> {
  private pending: Waiter<T>[] = [];
  private readonly flights = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly maxBatch: number;
  private readonly maxPending: number;
  private readonly maxInFlight: number;
  /** Transactions committed and items acknowledged so far. */
  readonly stats = { transactions: 0, items: 0, failures: 0 };

  constructor(private readonly options: GroupCommitOptions<T>) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.maxPending = options.maxPending ?? 10_000;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  /** Resolves once `item` is durably committed; rejects if its transaction failed. */
  submit(item: T): Promise<void> {
    if (this.closed) return Promise.reject(new WriterClosedError());
    if (this.pending.length >= this.maxPending) return Promise.reject(new QueueFullError(this.pending.length));
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  get waiting(): number {
    return this.pending.length;
  }

  /** Refuses new items, then writes every waiting one. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flights.size > 0 || this.pending.length > 0) {
      if (this.pending.length > 0 && this.flights.size < this.maxInFlight) this.flush();
      else await Promise.race(this.flights);
    }
  }

  private schedule(): void {
    if (this.flights.size >= this.maxInFlight) return; // a batch in flight picks up the rest when it finishes
    if (this.pending.length >= this.maxBatch) {
      this.flush();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.options.windowMs);
  }

  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.flights.size >= this.maxInFlight || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.maxBatch);
    const started = performance.now();
    const done = (error: unknown) => {
      this.options.onBatch?.({ size: batch.length, ms: performance.now() - started, error });
    };
    const flight = (async () => {
      try {
        await this.options.write(batch.map((w) => w.item));
      } catch (err) {
        this.stats.failures++;
        done(err);
        for (const w of batch) w.reject(err);
        return;
      }
      this.stats.transactions++;
      this.stats.items += batch.length;
      done(null);
      for (const w of batch) w.resolve();
    })().finally(() => {
      this.flights.delete(flight);
      // Whatever arrived during the commit has waited long enough: send it now.
      if (this.pending.length > 0) setImmediate(() => this.flush());
    });
    this.flights.add(flight);
  }
}
