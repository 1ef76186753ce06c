/**
 * Office hours as published in congress-legislators' district offices: free text such as
 * "Mon-Fri 9am-5pm", "M-F 9-5:30pm", "Monday through Friday, 9 a.m. to 5 p.m." or
 * "Tuesday/Thursday 9AM-4:30PM". Only plain weekly schedules are understood; anything else
 * ("By appointment only", "2nd and 4th Mondays", no days named) parses to null, and the page then
 * shows the text without claiming the office is open or closed.
 */

export interface Interval {
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  days: number[];
  /** Minutes after local midnight. */
  open: number;
  close: number;
}

const DAY_WORDS: Record<string, number> = {};
for (const [day, words] of [
  [0, 'sunday sundays sun su'],
  [1, 'monday mondays mon m'],
  [2, 'tuesday tuesdays tues tue tu t'],
  [3, 'wednesday wednesdays wed w'],
  [4, 'thursday thursdays thurs thur thu th r'],
  [5, 'friday fridays fri f'],
  [6, 'saturday saturdays sat sa'],
] as const) {
  for (const word of words.split(' ')) DAY_WORDS[word] = day;
}

/** Qualifiers that make a weekly reading wrong: appointments, monthly visits, partial openings. */
const IRREGULAR = /appoint|call|month|every|\d(?:st|nd|rd|th)\b|only|except|closed|lunch|holiday|week|seasonal/;
const ZONE_WORDS = /\b(?:eastern|central|mountain|pacific|alaska|hawaii|[ecmp][sd]?t|hst|akst|local time|time)\b/g;
const TIME = String.raw`(\d{3,4}|\d{1,2}(?::\d{2})?)\s*(am|pm|noon)?`;
const RANGE = new RegExp(String.raw`${TIME}\s*(?:-|to|until)\s*${TIME}`, 'g');

function clock(text: string): { h: number; m: number } | null {
  const digits = text.replace(':', '');
  const [h, m] = text.includes(':')
    ? [Number(text.split(':')[0]), Number(text.split(':')[1])]
    : digits.length >= 3
      ? [Number(digits.slice(0, -2)), Number(digits.slice(-2))]
      : [Number(digits), 0];
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || h > 23 || m > 59) return null;
  return { h, m };
}

function toMinutes(t: { h: number; m: number }, meridiem: 'am' | 'pm'): number | null {
  if (t.h > 12 || t.h === 0) return null;
  const hour = (t.h % 12) + (meridiem === 'pm' ? 12 : 0);
  return hour * 60 + t.m;
}

function parseRange(startText: string, startMer: string | undefined, endText: string, endMer: string | undefined) {
  const start = clock(startText);
  const end = clock(endText);
  if (!start || !end) return null;
  const sm = startMer === 'noon' ? 'pm' : startMer;
  const em = endMer === 'noon' ? 'pm' : endMer;
  let open: number | null;
  let close: number | null;
  if (sm && em) {
    open = toMinutes(start, sm as 'am' | 'pm');
    close = toMinutes(end, em as 'am' | 'pm');
  } else if (em) {
    // "9-5:30pm": a start later on the clock face than the end is morning; "1-4pm" and "12-4pm" share the pm.
    const sameHalf = start.h === 12 || (start.h < end.h && end.h !== 12);
    open = toMinutes(start, sameHalf ? (em as 'am' | 'pm') : 'am');
    close = toMinutes(end, em as 'am' | 'pm');
  } else if (!sm && start.h >= 6 && start.h <= 11 && end.h >= 1 && end.h <= 7) {
    // "M-F 9-5": the office-hours convention.
    open = toMinutes(start, 'am');
    close = toMinutes(end, 'pm');
  } else {
    return null;
  }
  if (open === null || close === null || close <= open) return null;
  return { open, close };
}

function parseDays(text: string): number[] | null {
  const tokens = text
    .replace(/\b(?:through|thru|to)\b/g, '-')
    .split(/([-,/&;()]|\band\b|\s+)/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const days = new Set<number>();
  let pendingRange: number | null = null;
  let last: number | null = null;
  for (const token of tokens) {
    if (token === '-') {
      if (last === null) return null;
      pendingRange = last;
      continue;
    }
    if ([',', '/', '&', ';', '(', ')', 'and', ':'].includes(token)) continue;
    const day = DAY_WORDS[token.replace(/\.$/, '')];
    if (day === undefined) return null;
    if (pendingRange !== null) {
      for (let d: number = pendingRange; d !== day; d = (d + 1) % 7) days.add(d);
      pendingRange = null;
    }
    days.add(day);
    last = day;
  }
  if (pendingRange !== null || days.size === 0) return null;
  return [...days].sort();
}

export function parseHours(text: string | null | undefined): Interval[] | null {
  if (!text) return null;
  const s = text
    .toLowerCase()
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/\ba\.\s?m\.?/g, 'am')
    .replace(/\bp\.\s?m\.?/g, 'pm')
    .replace(ZONE_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (IRREGULAR.test(s)) return null;
  const ranges: { open: number; close: number }[] = [];
  const rest = s.replace(RANGE, (_match, a: string, am: string | undefined, b: string, bm: string | undefined) => {
    const range = parseRange(a, am, b, bm);
    if (range) ranges.push(range);
    else ranges.push({ open: -1, close: -1 });
    return ' ; ';
  });
  if (ranges.length === 0 || ranges.some((r) => r.open < 0)) return null;
  const days = parseDays(rest);
  if (!days) return null;
  return ranges.map((r) => ({ days, ...r }));
}

/** The weekday, minutes after midnight and calendar date at `now` in `timeZone`. */
export function localTime(
  now: Date,
  timeZone: string,
): { day: number; minutes: number; y: number; mo: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return {
    day,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
    y: Number(get('year')),
    mo: Number(get('month')),
    d: Number(get('day')),
  };
}

/** Federal holidays (5 U.S.C. 6103), with the Friday/Monday observance of fixed dates. */
export function isFederalHoliday(y: number, mo: number, d: number): boolean {
  const weekday = (day: number) => new Date(Date.UTC(y, mo - 1, day)).getUTCDay();
  const nth = (month: number, dow: number, n: number) => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return 1 + ((dow - first + 7) % 7) + (n - 1) * 7;
  };
  const last = (month: number, dow: number) => {
    const days = new Date(Date.UTC(y, month, 0)).getUTCDate();
    const lastDow = new Date(Date.UTC(y, month - 1, days)).getUTCDay();
    return days - ((lastDow - dow + 7) % 7);
  };
  const fixed: [number, number][] = [
    [1, 1],
    [6, 19],
    [7, 4],
    [11, 11],
    [12, 25],
  ];
  for (const [m, day] of fixed) {
    if (m !== mo) continue;
    const w = weekday(day);
    if (d === day || (w === 6 && d === day - 1) || (w === 0 && d === day + 1)) return true;
  }
  // New Year's Day on a Saturday is observed on Friday, December 31.
  if (mo === 12 && d === 31 && new Date(Date.UTC(y + 1, 0, 1)).getUTCDay() === 6) return true;
  const floating: [number, number][] = [
    [1, nth(1, 1, 3)],
    [2, nth(2, 1, 3)],
    [5, last(5, 1)],
    [9, nth(9, 1, 1)],
    [10, nth(10, 1, 2)],
    [11, nth(11, 4, 4)],
  ];
  return floating.some(([m, day]) => m === mo && d === day);
}

/**
 * Whether the office is open at `now` in its own time zone, or null when that cannot be said
 * honestly: hours not understood, no time zone, or a federal holiday.
 */
export function isOpenAt(hours: Interval[] | null, now: Date, timeZone: string | null): boolean | null {
  if (!hours || !timeZone) return null;
  let local: ReturnType<typeof localTime>;
  try {
    local = localTime(now, timeZone);
  } catch {
    return null; // an unknown zone name in the data
  }
  if (isFederalHoliday(local.y, local.mo, local.d)) return null;
  return hours.some((h) => h.days.includes(local.day) && local.minutes >= h.open && local.minutes < h.close);
}
