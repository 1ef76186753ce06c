/** Pure helpers for the dashboard's charts: no DOM, no drawing library. */

export interface Bar {
  label: string;
  value: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One bar per UTC day from the first day with actions (or `from`) to `to`, zeros included, so a
 * quiet day shows as a gap rather than vanishing from the axis. At most `maxDays`, the latest.
 */
export function fillDays(byDay: ReadonlyArray<{ day: string; count: number }>, to: string, maxDays = 90): Bar[] {
  const counts = new Map(byDay.map((d) => [d.day, d.count]));
  const end = Date.parse(`${to}T00:00:00Z`);
  const first = byDay.length > 0 ? Date.parse(`${byDay[0]!.day}T00:00:00Z`) : end;
  const start = Math.max(Math.min(first, end), end - (maxDays - 1) * DAY_MS);
  const bars: Bar[] = [];
  for (let t = start; t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    bars.push({ label: day, value: counts.get(day) ?? 0 });
  }
  return bars;
}

/** A round axis maximum at or above `max`: 1, 2, 5 × 10^n. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Whole-number ticks from 0 to `max` (a niceMax), four or five of them. */
export function ticks(max: number): number[] {
  const nice = (x: number) => Number.isInteger(x) && niceMax(x) === x;
  const step = max <= 5 ? 1 : ([5, 4, 2].map((d) => max / d).find(nice) ?? max);
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v));
  return out;
}

/** "40%" of a total, or "–" when there is nothing to divide by. */
export function percent(part: number, total: number): string {
  return total > 0 ? `${Math.round((part / total) * 100)}%` : '–';
}

/**
 * Class breaks for a choropleth: the upper bound of each class of states that acted, ascending,
 * the last being the largest count. Class 0 ("no actions") is implicit. Up to four classes split
 * the non-zero counts at their quartiles, so colours spread over the states that acted however
 * skewed the counts are; quartiles that coincide (few states, or many equal counts) merge, so no
 * class is empty and no range reads backwards. No states acted: no classes.
 */
export function classBreaks(values: readonly number[]): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const max = sorted[sorted.length - 1]!;
  const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;
  return [...new Set([q(0.25), q(0.5), q(0.75), max])];
}

/**
 * The shade (0 none, 1 lightest … 4 darkest) of a count. With fewer than four classes the shades
 * stay spread out and the top class is always the darkest: one state that acted is dark, not pale.
 */
export function classOf(value: number, breaks: readonly number[]): 0 | 1 | 2 | 3 | 4 {
  if (value <= 0 || breaks.length === 0) return 0;
  const index = breaks.findIndex((b) => value <= b);
  return shadeOf(index === -1 ? breaks.length - 1 : index, breaks.length);
}

/** The shade of class `index` (0-based) of `count` classes. */
export function shadeOf(index: number, count: number): 1 | 2 | 3 | 4 {
  return Math.max(1, Math.min(4, Math.round(((index + 1) * 4) / count))) as 1 | 2 | 3 | 4;
}

/** Each class's range for the legend: "1", "2–5", "6–40", "41–312". */
export function classRanges(breaks: readonly number[], format: (n: number) => string = String): string[] {
  return breaks.map((upper, i) => {
    const lower = i === 0 ? 1 : breaks[i - 1]! + 1;
    return lower === upper ? format(upper) : `${format(lower)}–${format(upper)}`;
  });
}
