import type { Outcome } from '../domain.ts';

/**
 * The outcomes that are a real try to reach an office, which the campaign counter counts: a
 * conversation, a voicemail, or a call that did not get through. A skip is not one. Shared by
 * the server's first render and the page script that keeps the counter current.
 */
export const ATTEMPTS: readonly Outcome[] = ['contacted', 'voicemail', 'unavailable'];

export const isAttempt = (outcome: string): boolean => (ATTEMPTS as readonly string[]).includes(outcome);

export function countAttempts(byOutcome: Partial<Record<string, unknown>>): number {
  return ATTEMPTS.reduce((sum, outcome) => {
    const n = byOutcome[outcome];
    return sum + (typeof n === 'number' && Number.isFinite(n) ? n : 0);
  }, 0);
}
