import { OUTCOMES, type Outcome } from '../domain.ts';

/**
 * What the supporter has reported so far on this visit, carried in the officials step's URL as
 * `r=senate:ca:1~contacted,president~voicemail` so the no-JavaScript flow can show progress
 * without cookies or storage. Only seat or target ids and outcomes: nothing personal.
 */
const MAX_ENTRIES = 30;
const ID = /^[A-Za-z0-9][A-Za-z0-9:_./-]{0,119}$/;

export function parseReported(value: string | null | undefined): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  if (!value) return out;
  for (const entry of value.split(',').slice(0, MAX_ENTRIES)) {
    const at = entry.lastIndexOf('~');
    const id = entry.slice(0, at);
    const outcome = entry.slice(at + 1) as Outcome;
    if (at > 0 && ID.test(id) && OUTCOMES.includes(outcome)) out.set(id, outcome);
  }
  return out;
}

export function formatReported(reported: Map<string, Outcome>): string {
  return [...reported].map(([id, outcome]) => `${id}~${outcome}`).join(',');
}
