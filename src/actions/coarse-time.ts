/**
 * How precisely Voz stores when something happened. An action keeps only the UTC hour: the counts
 * need the day, and a time to the millisecond would let anyone holding a second record with
 * times — a reverse proxy's log with addresses, a named signup — pick out which action row was
 * whose, and so learn a named person's district and what they did. A signup is named anyway; its
 * minute is enough to show when consent was given.
 */

const HOUR_MS = 3_600_000;
/** Every action in an hour has the same hour: the last one formatted is kept, not formatted again. */
let lastHour = { start: Number.NaN, text: '' };

/** The start of the UTC hour, as ISO-8601 (`2026-11-28T14:00:00.000Z`). */
export function hourOf(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const start = Math.floor(ms / HOUR_MS) * HOUR_MS;
  if (start !== lastHour.start) {
    // An invalid time throws here (RangeError), as it always did.
    lastHour = { start, text: new Date(start).toISOString() };
  }
  return lastHour.text;
}

/** The start of the UTC minute, as ISO-8601 (`2026-11-28T14:05:00.000Z`). */
export function minuteOf(at: Date | string): string {
  return `${new Date(at).toISOString().slice(0, 16)}:00.000Z`;
}
