/** Calendar dates as `YYYY-MM-DD`, compared as strings; the data's dates are U.S. calendar days. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A term is current from its start day up to, but not including, its end day (terms meet at noon). */
export function isCurrent(today: string, start: string | null | undefined, end: string | null | undefined): boolean {
  return (!start || start <= today) && (!end || today < end);
}
