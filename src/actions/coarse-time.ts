/**
 * How precisely Voz stores when something happened. An action keeps only the UTC hour: the counts
 * need the day, and a time to the millisecond would let anyone holding a second record with
 * times — a reverse proxy's log with addresses, a named signup — pick out which action row was
 * whose, and so learn a named person's district and what they did. A signup is named anyway; its
 * minute is enough to show when consent was given.
 */

/** The start of the UTC hour, as ISO-8601 (`2026-11-28T14:00:00.000Z`). */
export function hourOf(at: Date | string): string {
  return `${new Date(at).toISOString().slice(0, 13)}:00:00.000Z`;
}

/** The start of the UTC minute, as ISO-8601 (`2026-11-28T14:05:00.000Z`). */
export function minuteOf(at: Date | string): string {
  return `${new Date(at).toISOString().slice(0, 16)}:00.000Z`;
}
