import { isFederalHoliday, localTime } from './federal-holidays.ts';

/**
 * Office hours as published in congress-legislators' district offices: free text such as
 * "Mon-Fri 9am-5pm", "M-F 9-5:30pm", "Monday - Friday: 9:00 AM - 5:00 PM", "8:30am-4:30pm, M-F",
 * "Tuesday 10:00AM-12:00PM and Thursday 2:00PM-4:00PM" or "Monday-Wednesday 9:00AM-5:00PM,
 * Thursday and Friday by appointment only". Each range keeps the days written before it (or, in
 * "8:30am-4:30pm, M-F", after it). Only weekly schedules are understood: monthly visits ("2nd and
 * 4th Mondays"), "call ahead" and anything with a word Voz does not know parse to null, and the
 * page then shows the text as published without claiming the office is open or closed.
 */

export interface TimeRange {
  /** Minutes after local midnight. */
  open: number;
  close: number;
}

export interface HoursClause {
  /** 0 = Sunday … 6 = Saturday, as Date#getDay; empty when the text names no days ("9AM-5PM"). */
  days: number[];
  /** Weeks of the month, 1–5, for "2nd and 4th Mondays"; empty for every week. */
  weeks: number[];
  /** Empty for days kept only by appointment ("Thursday and Friday by appointment only"). */
  ranges: TimeRange[];
  /** Open on these days only by appointment ("Mon-Fri 9AM-5PM by appointment only"). */
  byAppointment: boolean;
}

export interface Schedule {
  clauses: HoursClause[];
  /** "…or by appointment": outside the hours listed the office may still see visitors. */
  orByAppointment: boolean;
}

const DAY_WORDS = new Map<string, number>();
for (const [day, words] of [
  [0, 'sunday sun su'],
  [1, 'monday mon m'],
  [2, 'tuesday tues tue tu t'],
  [3, 'wednesday weds wed w'],
  [4, 'thursday thurs thur thu th r'],
  [5, 'friday fri f'],
  [6, 'saturday sat sa'],
] as const) {
  for (const word of words.split(' ')) DAY_WORDS.set(word, day);
}

/** "Mondays", "Fri." → the day; null for any other word. */
function dayOf(word: string): number | null {
  const w = word.replace(/\.$/, '');
  return DAY_WORDS.get(w) ?? (w.length > 3 && w.endsWith('s') ? (DAY_WORDS.get(w.slice(0, -1)) ?? null) : null);
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };

/** Words that make a reading wrong or uncertain: exceptions, "every other", "call ahead". */
const IRREGULAR =
  /month|every|each|\b(?:last|other|alternat\w*|only|except|closed|lunch|holidays?|seasonal|summer|winter|session|vary|varies|call|please|weeks?|weekends?|daily|midnight|appoint\w*)\b/;
/** Time zone words: each office's zone comes from its state (src/officials/time-zones.ts), not the text. */
const ZONE_WORDS =
  /\b(?:(?:eastern|central|mountain|pacific|alaska|hawaii(?:an)?|atlantic)(?:\s+(?:standard|daylight))?(?:\s+time)?|e[sd]?t|c[sd]?t|m[sd]?t|p[sd]?t|ak[sd]?t|h[as]?[sd]?t|local\s+time)\b/g;

const TIME = String.raw`(\d{3,4}|\d{1,2}(?::\d{2})?)\s*(am|pm)?`;
const TOKEN = new RegExp(
  String.raw`\s*(?:(?<range>${TIME}\s*(?:-|to|until|till)\s*${TIME})|(?<appt>§req|§also)|(?<dash>-|(?:through|thru|to)(?![a-z]))|(?<sep>[,;/&().:+]|and(?![a-z])|or(?![a-z]))|(?<ord>[1-5](?:st|nd|rd|th)|first|second|third|fourth|fifth)(?![a-z])|(?<word>[a-z]+\.?))`,
  'y',
);

function normalize(text: string): string {
  return (
    ` ${text.toLowerCase()} `
      .replace(/[\u2012-\u2015\u2212]/g, '-')
      .replace(/(?<![a-z])([ap])\.?\s?m\.?(?![a-z])/g, '$1m')
      .replace(ZONE_WORDS, ' ')
      .replace(/\b(?:12\s*)?noon\b/g, '12pm')
      .replace(/\bweekdays\b/g, 'mon-fri')
      // Appointments: "…or by appointment" adds to the hours; "by appointment (only)" replaces them.
      .replace(/\b(?:or|and)\s+by\s+appointments?\b/g, ' §also ')
      .replace(
        /\bappointments?\s+(?:are\s+)?(?:strongly\s+)?(?:encouraged|recommended|preferred|suggested)\b/g,
        ' §also ',
      )
      .replace(/\bplease\s+call\s+(?:for|to\s+make|to\s+schedule)\s+an?\s+appointment\b/g, ' §req ')
      .replace(/\b(?:please\s+)?call\s+to\s+(?:make|schedule)\s+(?:an?\s+)?appointments?\b/g, ' §req ')
      .replace(/\bby\s+appointments?(?:\s+only)?\b/g, ' §req ')
      // Monthly visits: "Every 1st, 3rd, and 5th Thursday", "First Friday of every month".
      .replace(/\bevery\s+(?=(?:[1-5](?:st|nd|rd|th)|first|second|third|fourth|fifth)\b)/g, ' ')
      .replace(/\bof\s+(?:every|each|the)\s+month\b/g, ' ')
      .replace(/\b(?:from|open)\b/g, ' ')
      .replace(/\s+/g, ' ')
  );
}

function clockOf(text: string): { h: number; m: number } | null {
  const [h, m] = text.includes(':')
    ? [Number(text.split(':')[0]), Number(text.split(':')[1])]
    : text.length >= 3
      ? [Number(text.slice(0, -2)), Number(text.slice(-2))]
      : [Number(text), 0];
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || h > 23 || m > 59) return null;
  return { h, m };
}

function toMinutes(t: { h: number; m: number }, meridiem: 'am' | 'pm'): number | null {
  if (t.h > 12 || t.h === 0) return null;
  return ((t.h % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + t.m;
}

type Meridiem = 'am' | 'pm' | undefined;

function parseRange(startText: string, sm: Meridiem, endText: string, em: Meridiem): TimeRange | null {
  const start = clockOf(startText);
  const end = clockOf(endText);
  if (!start || !end) return null;
  let open: number | null;
  let close: number | null;
  if (sm && em) {
    open = toMinutes(start, sm);
    close = toMinutes(end, em);
  } else if (em) {
    // "9-5:30pm": a start later on the clock face than the end is morning; "1-4pm" and "12-4pm" share the pm.
    const sameHalf = start.h === 12 || (start.h < end.h && end.h !== 12);
    open = toMinutes(start, sameHalf ? em : 'am');
    close = toMinutes(end, em);
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

interface Draft {
  days: Set<number>;
  weeks: Set<number>;
  ranges: TimeRange[];
  byAppointment: boolean;
}

const emptyDraft = (): Draft => ({ days: new Set(), weeks: new Set(), ranges: [], byAppointment: false });
const hasContent = (d: Draft) => d.days.size > 0 || d.ranges.length > 0 || d.byAppointment;

/** Reads the tokens into clauses: days, then the ranges that follow them. Null when anything does not fit. */
function readClauses(s: string): { clauses: Draft[]; orByAppointment: boolean } | null {
  const clauses: Draft[] = [];
  let current = emptyDraft();
  let orByAppointment = false;
  let lastDay: number | null = null; // the day token just read, for "Mon-Fri"
  let rangeFrom: number | null = null;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(s);
    if (!m?.groups) {
      if (s.slice(at).trim() !== '') return null;
      break;
    }
    const g = m.groups;
    if (g.range) {
      if (rangeFrom !== null) return null;
      const range = parseRange(m[2]!, m[3] as Meridiem, m[4]!, m[5] as Meridiem);
      if (!range) return null;
      current.ranges.push(range);
      lastDay = null;
    } else if (g.appt) {
      if (g.appt === '§also') orByAppointment = true;
      else current.byAppointment = true;
      lastDay = null;
    } else if (g.dash) {
      if (lastDay === null) return null;
      rangeFrom = lastDay;
      lastDay = null;
    } else if (g.ord) {
      if (rangeFrom !== null) return null;
      current = nextClause(current);
      // "Mondays and 2nd Tuesdays": which days the ordinal counts is unclear.
      if (current.days.size > 0) return null;
      current.weeks.add(ORDINALS[g.ord] ?? Number(g.ord[0]));
      lastDay = null;
    } else if (g.word) {
      const day = dayOf(g.word);
      if (day === null) return null;
      current = nextClause(current);
      if (rangeFrom !== null) {
        for (let d: number = rangeFrom; d !== day; d = (d + 1) % 7) current.days.add(d);
        rangeFrom = null;
      }
      current.days.add(day);
      lastDay = day;
    } else {
      lastDay = null;
    }
  }
  if (rangeFrom !== null) return null;
  if (hasContent(current)) clauses.push(current);
  return { clauses, orByAppointment };

  /** Days after a clause's hours start the next clause: "Mon-Thu 9-5, Fri 9-1". */
  function nextClause(draft: Draft): Draft {
    if (draft.ranges.length === 0 && !draft.byAppointment) return draft;
    clauses.push(draft);
    return emptyDraft();
  }
}

export function parseHours(text: string | null | undefined): Schedule | null {
  if (!text) return null;
  const cached = parsed.get(text);
  if (cached !== undefined) return cached;
  const schedule = parseUncached(text);
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, schedule);
  return schedule;
}

/** The data has a few hundred distinct strings; each page shows a handful. */
const parsed = new Map<string, Schedule | null>();
const MAX_CACHED = 2000;

function parseUncached(text: string): Schedule | null {
  const s = normalize(text);
  if (IRREGULAR.test(s)) return null;
  const read = readClauses(s);
  if (!read) return null;
  let drafts = read.clauses;
  // Hours first, days after: "8:30am-4:30pm, M-F", "9:00am-5:00pm (PT), Weekdays".
  const [first, second] = drafts;
  if (
    drafts.length === 2 &&
    first &&
    second &&
    first.days.size === 0 &&
    first.ranges.length > 0 &&
    second.ranges.length === 0 &&
    second.days.size > 0
  ) {
    drafts = [{ ...second, ranges: first.ranges, byAppointment: first.byAppointment || second.byAppointment }];
  }
  if (drafts.length === 0) return null;
  // Days with neither hours nor an appointment ("Tuesday-Thursday", "Mon-Fri 9-5, Sat") say too little.
  if (drafts.some((d) => d.ranges.length === 0 && !d.byAppointment)) return null;
  // Hours without days can only be the whole text: "9AM-1PM and 2:30PM-5PM", "By appointment only".
  if (drafts.length > 1 && drafts.some((d) => d.days.size === 0)) return null;
  // "2nd and 4th" needs the day it counts: "2nd and 4th Mondays".
  if (drafts.some((d) => d.weeks.size > 0 && d.days.size === 0)) return null;
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    clauses: drafts.map((d) => ({
      days: sorted(d.days),
      weeks: sorted(d.weeks),
      ranges: d.ranges,
      byAppointment: d.byAppointment,
    })),
    orByAppointment: read.orByAppointment,
  };
}

/**
 * Whether the office is open at `now` in its own time zone, or null when that cannot be said
 * honestly: hours not understood, days not named, an appointment-only day, a time outside the
 * hours of an office that also sees people by appointment, no time zone, or a federal holiday.
 */
export function isOpenAt(schedule: Schedule | null, now: Date, timeZone: string | null): boolean | null {
  if (!schedule || !timeZone) return null;
  if (schedule.clauses.some((c) => c.days.length === 0)) return null;
  let local: ReturnType<typeof localTime>;
  try {
    local = localTime(now, timeZone);
  } catch {
    return null; // an unknown zone name in the data
  }
  if (isFederalHoliday(local.y, local.mo, local.d)) return null;
  // The nth weekday of the month: days 1–7 are the first, 8–14 the second, …
  const week = Math.ceil(local.d / 7);
  const today = schedule.clauses.filter(
    (c) => c.days.includes(local.day) && (c.weeks.length === 0 || c.weeks.includes(week)),
  );
  if (today.some((c) => c.byAppointment)) return null;
  const open = today.some((c) => c.ranges.some((r) => local.minutes >= r.open && local.minutes < r.close));
  if (open) return true;
  return schedule.orByAppointment ? null : false;
}
