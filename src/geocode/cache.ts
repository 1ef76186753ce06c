import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';

/**
 * Address answers held in memory only, so a supporter who reloads the page does not cost a
 * second provider call. Keys are SHA-256 hashes of the normalised address, so the address itself
 * is not a key anywhere; values are what the caller chooses to keep (the resolver keeps district
 * and seat ids, never an address or a point); nothing here is ever written to disk. Bounded: the
 * least recently used entry goes first, and entries expire after `ttlMs`.
 */
export interface CacheOptions {
  maxEntries: number;
  ttlMs: number;
}

/** Half an hour: long enough for a supporter's reloads and back button, short enough that a corrected provider answer soon shows. */
export const DEFAULT_CACHE: CacheOptions = { maxEntries: 5_000, ttlMs: 30 * 60 * 1000 };

/** Case, spacing and punctuation do not change where an address is. */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,;#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function addressKey(address: string): string {
  return createHash('sha256').update(normaliseAddress(address)).digest('hex');
}

export class AnswerCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly options: CacheOptions = DEFAULT_CACHE,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(address: string): T | undefined {
    const key = addressKey(address);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.clock.now().getTime()) return undefined;
    this.entries.set(key, entry); // most recently used goes last
    return entry.value;
  }

  set(address: string, value: T): void {
    const key = addressKey(address);
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.clock.now().getTime() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Keys held, for tests that check no address is stored in the clear. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Values held, for tests that check what is remembered of an answer. */
  values(): T[] {
    return [...this.entries.values()].map((e) => e.value);
  }
}
