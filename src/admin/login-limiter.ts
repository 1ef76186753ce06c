import type { Clock } from '../clock.ts';

/**
 * Failed sign-ins are limited three ways (OWASP Authentication Cheat Sheet, "Account lockout"):
 * - per client, across accounts: one address guessing many accounts;
 * - per account and client: one address guessing one account. This is the lock a guesser meets
 *   first, and it is theirs alone: failures from elsewhere never lock the owner's own browser,
 *   so nobody can lock an organizer out by failing to sign in as them;
 * - per account, across clients: a backstop against guessing spread over many addresses, set
 *   high. A browser the account signed in from before (a device cookie, device-cookie.ts) is not
 *   held by it, so even a botnet cannot lock the owner out of their usual browser.
 * Account keys are the email as typed, whether or not an account has it, so a lock says nothing
 * about which addresses exist. Counts live in memory: a restart forgets them, which costs an
 * attacker nothing they could not get by waiting.
 */
export interface LoginLimits {
  perClient: number;
  perAccountAndClient: number;
  perAccount: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perClient: 20,
  perAccountAndClient: 5,
  perAccount: 100,
  windowMs: 15 * 60 * 1000,
};

export interface LoginLimiter {
  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfterMs(clientKey: string, email: string, options?: { knownDevice?: boolean }): number;
  recordFailure(clientKey: string, email: string): void;
  recordSuccess(clientKey: string, email: string): void;
}

export function createLoginLimiter(clock: Clock, limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginLimiter {
  const failures = new Map<string, number[]>();
  const MAX_KEYS = 100_000;
  // Only the last `limit` failures matter for a wait; a key keeps no more than the largest limit.
  const maxKept = Math.max(limits.perClient, limits.perAccountAndClient, limits.perAccount);

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
    failures.set(key, [...recent(key), clock.now().getTime()].slice(-maxKept));
  };
  const account = (email: string) => email.trim().toLowerCase();
  const keys = (client: string, email: string) => ({
    client: `client:${client}`,
    pair: `pair:${account(email)}\u0000${client}`,
    account: `account:${account(email)}`,
  });

  return {
    retryAfterMs: (client, email, options = {}) => {
      const k = keys(client, email);
      return Math.max(
        wait(k.client, limits.perClient),
        wait(k.pair, limits.perAccountAndClient),
        options.knownDevice ? 0 : wait(k.account, limits.perAccount),
        0,
      );
    },
    recordFailure: (client, email) => {
      const k = keys(client, email);
      push(k.client);
      push(k.pair);
      push(k.account);
    },
    recordSuccess: (client, email) => {
      failures.delete(keys(client, email).pair);
    },
  };
}
