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
 *
 * With `deadlineMs`, a submit that has not committed by then rejects with `WriteTimeoutError`, so
 * a database that stops answering costs a supporter a bounded wait, not a hung request. An item
 * still waiting is dropped; one whose transaction is under way may yet commit, which the error's
 * `written` tells once known.
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

export class WriteTimeoutError extends Error {
  constructor(
    readonly deadlineMs: number,
    /** Resolves to whether the item was committed after all (false once its transaction failed). */
    readonly written: Promise<boolean>,
  ) {
    super(`write not committed within ${deadlineMs} ms`);
    this.name = 'WriteTimeoutError';
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
  /** Longest wait for a commit, from submit, before the submit rejects (default: none). */
  deadlineMs?: number;
  /** Told about each finished transaction, for logs and tests. */
  onBatch?(info: { size: number; ms: number; error: unknown }): void;
}

interface Waiter<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
  /** Set when its deadline passed before it joined a transaction: it is skipped, never written. */
  dropped?: boolean;
  /** Set once it has been answered, so a deadline and a commit cannot both answer it. */
  answered?: boolean;
  deadline?: NodeJS.Timeout;
  /** The transaction holding it, once there is one. */
  flight?: Promise<boolean>;
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
      const waiter: Waiter<T> = { item, resolve, reject };
      const { deadlineMs } = this.options;
      if (deadlineMs !== undefined) waiter.deadline = setTimeout(() => this.expire(waiter, deadlineMs), deadlineMs);
      this.pending.push(waiter);
      this.schedule();
    });
  }

  private expire(waiter: Waiter<T>, deadlineMs: number): void {
    if (waiter.answered) return;
    waiter.answered = true;
    if (!waiter.flight) waiter.dropped = true;
    waiter.reject(new WriteTimeoutError(deadlineMs, waiter.flight ?? Promise.resolve(false)));
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
    if (this.flights.size >= this.maxInFlight) return;
    const batch: Waiter<T>[] = [];
    while (batch.length < this.maxBatch && this.pending.length > 0) {
      const taken = this.pending.splice(0, this.maxBatch - batch.length);
      for (const w of taken) if (!w.dropped) batch.push(w);
    }
    if (batch.length === 0) return;
    const started = performance.now();
    const done = (error: unknown) => {
      this.options.onBatch?.({ size: batch.length, ms: performance.now() - started, error });
    };
    const answer = (w: Waiter<T>, committed: boolean, err?: unknown) => {
      clearTimeout(w.deadline);
      if (w.answered) return;
      w.answered = true;
      if (committed) w.resolve();
      else w.reject(err);
    };
    const written = (async () => {
      try {
        await this.options.write(batch.map((w) => w.item));
      } catch (err) {
        this.stats.failures++;
        done(err);
        for (const w of batch) answer(w, false, err);
        return false;
      }
      this.stats.transactions++;
      this.stats.items += batch.length;
      done(null);
      for (const w of batch) answer(w, true);
      return true;
    })();
    for (const w of batch) w.flight = written;
    const flight = written
      .then(() => undefined)
      .finally(() => {
        this.flights.delete(flight);
        // Whatever arrived during the commit has waited long enough: send it now.
        if (this.pending.length > 0) setImmediate(() => this.flush());
      });
    this.flights.add(flight);
  }
}
