import type { Clock } from '../clock.ts';

/**
 * Failed sign-ins are limited twice: per client (one address guessing many accounts) and per
 * account (many addresses guessing one). The account key is the email as typed, whether or not an
 * account has it, so a lockout says nothing about which addresses exist. Counts live in memory:
 * a restart forgets them, which costs an attacker nothing they could not get by waiting.
 */
export interface LoginLimits {
  perClient: number;
  perAccount: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perClient: 20, perAccount: 5, windowMs: 15 * 60 * 1000 };

export interface LoginLimiter {
  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfterMs(clientKey: string, email: string): number;
  recordFailure(clientKey: string, email: string): void;
  recordSuccess(email: string): void;
}

export function createLoginLimiter(clock: Clock, limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginLimiter {
  const failures = new Map<string, number[]>();
  const MAX_KEYS = 100_000;

  const recent = (key: string): number[] => {
    const since = clock.now().getTime() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const wait = (key: string, limit: number): number => {
    const times = recent(key);
    if (times.length < limit) return 0;
    return times[times.length - limit]! + limits.windowMs - clock.now().getTime();
  };
  const push = (key: string) => {
    if (failures.size >= MAX_KEYS) {
      // Bounded memory under a flood of distinct keys: forget the oldest entry.
      const oldest = failures.keys().next().value;
      if (oldest !== undefined) failures.delete(oldest);
    }
    failures.set(key, [...recent(key), clock.now().getTime()]);
  };
  const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
  const clientKeyOf = (client: string) => `client:${client}`;

  return {
    retryAfterMs: (client, email) =>
      Math.max(wait(clientKeyOf(client), limits.perClient), wait(accountKey(email), limits.perAccount), 0),
    recordFailure: (client, email) => {
      push(clientKeyOf(client));
      push(accountKey(email));
    },
    recordSuccess: (email) => {
      failures.delete(accountKey(email));
    },
  };
}
