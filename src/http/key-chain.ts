import { createHmac, randomBytes } from 'node:crypto';

/**
 * The daily salts of client keys (client-key.ts). Each day's salt is an HMAC of the day before's,
 * so it cannot be run backwards: once a salt is dropped, no one can recompute that day's keys,
 * not even this process. And processes handed the same starting point (the workers of one
 * server, from its primary) derive the same salt every day without asking each other.
 *
 * The day before's salt is kept for `graceMs` after midnight. Rate-limit windows and the hour of
 * repeat detection straddle midnight, and without it every client started afresh at 00:00 UTC.
 */
export interface KeyChainSnapshot {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** base64 */
  salt: string;
  previous: string | null;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const ratchet = (salt: Buffer) => createHmac('sha256', salt).update('voz client key: next day').digest();

export class KeyChain {
  private day: string;
  private salt: Buffer;
  private previous: Buffer | null;
  /** `day`'s midnight in ms, so most calls tell they are still in it without formatting a date. */
  private dayStart: number;

  constructor(
    now: Date,
    private readonly graceMs: number,
    start?: KeyChainSnapshot,
  ) {
    this.day = start?.day ?? dayOf(now.getTime());
    this.salt = start ? Buffer.from(start.salt, 'base64') : randomBytes(32);
    this.previous = start?.previous ? Buffer.from(start.previous, 'base64') : null;
    this.dayStart = startOf(this.day);
  }

  /** Today's salt and, during the grace period after midnight, yesterday's. */
  saltsAt(now: Date): { current: Buffer; previous: Buffer | null } {
    const ms = now.getTime();
    if (!(ms >= this.dayStart && ms < this.dayStart + DAY_MS)) this.advanceTo(dayOf(ms));
    const since = ms - this.dayStart;
    if (this.previous && !(since >= 0 && since < this.graceMs)) {
      // Past the grace period (or a clock set back): gone for good.
      if (since >= this.graceMs) this.dropPrevious();
      return { current: this.salt, previous: null };
    }
    return { current: this.salt, previous: this.previous };
  }

  /** What another process needs to derive the same salts from now on. */
  snapshot(now: Date): KeyChainSnapshot {
    const { current, previous } = this.saltsAt(now);
    return { day: this.day, salt: current.toString('base64'), previous: previous?.toString('base64') ?? null };
  }

  private advanceTo(today: string): void {
    // A clock set back keeps today's salt: an old one is never brought back.
    for (let steps = 0; this.day < today && steps < 4000; steps++) {
      this.dropPrevious();
      this.previous = this.salt;
      this.salt = ratchet(this.salt);
      this.day = dayOf(startOf(this.day) + DAY_MS);
    }
    if (this.day < today) this.day = today;
    this.dayStart = startOf(this.day);
  }

  private dropPrevious(): void {
    this.previous?.fill(0);
    this.previous = null;
  }
}
