import type { Language } from '../domain.ts';
import { type HoursClause, parseHours, type Schedule, type TimeRange } from './hours.ts';
import type { MessageKey, Translate } from './i18n/index.ts';

/**
 * Office hours as the supporter reads them: the parsed schedule written out in the page's
 * language ("Monday–Friday, 9 AM–5 PM" / "de lunes a viernes, de 9:00 a 17:00"), or, when Voz
 * cannot read the published text, that text itself, labelled as published (it is English).
 */
export type HoursText = { parsed: true; text: string } | { parsed: false; text: string };

const LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-US' };
const WEEK_KEYS: MessageKey[] = ['hours.week1', 'hours.week2', 'hours.week3', 'hours.week4', 'hours.week5'];

const formats = new Map<Language, { weekday: Intl.DateTimeFormat; list: Intl.ListFormat }>();
function formatsFor(lang: Language) {
  let f = formats.get(lang);
  if (!f) {
    f = {
      weekday: new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }),
      list: new Intl.ListFormat(LOCALE[lang], { type: 'conjunction' }),
    };
    formats.set(lang, f);
  }
  return f;
}

/** January 1, 2023 was a Sunday: day n of the week is January 1 + n. */
const dayName = (day: number, lang: Language) =>
  formatsFor(lang).weekday.format(new Date(Date.UTC(2023, 0, 1 + day, 12)));

/** "9 AM", "5:30 PM" in English; "9:00", "17:30" in Spanish, which writes hours on a 24-hour clock. */
function clock(minutes: number, lang: Language): string {
  const h = Math.floor(minutes / 60);
  const m = String(minutes % 60).padStart(2, '0');
  if (lang === 'es') return `${h}:${m}`;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === '00' ? '' : `:${m}`} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Consecutive days as one span ("Monday–Friday"), the rest listed. */
function daysText(days: number[], t: Translate, lang: Language): string {
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [t('hours.dayRange', { first: dayName(run[0]!, lang), last: dayName(run.at(-1)!, lang) })]
      : run.map((d) => dayName(d, lang)),
  );
  return formatsFor(lang).list.format(parts);
}

const rangeText = (r: TimeRange, t: Translate, lang: Language) =>
  t('hours.range', { open: clock(r.open, lang), close: clock(r.close, lang) });

function clauseText(clause: HoursClause, t: Translate, lang: Language): string {
  const list = formatsFor(lang).list;
  let days = clause.days.length > 0 ? daysText(clause.days, t, lang) : '';
  if (clause.weeks.length > 0) {
    const weeks = list.format(clause.weeks.map((w) => t(WEEK_KEYS[w - 1] ?? 'hours.week1')));
    days = t('hours.monthly', { weeks, days });
  }
  const parts = [days];
  if (clause.ranges.length > 0) parts.push(list.format(clause.ranges.map((r) => rangeText(r, t, lang))));
  if (clause.days.length === 0 && clause.ranges.length > 0) parts.push(t('hours.daysUnknown'));
  if (clause.byAppointment)
    parts.push(t(clause.ranges.length > 0 || days ? 'hours.byAppointment' : 'hours.onlyByAppointment'));
  return parts.filter(Boolean).join(', ');
}

export function scheduleText(schedule: Schedule, t: Translate, lang: Language): string {
  const text = schedule.clauses.map((c) => clauseText(c, t, lang)).join('; ');
  return schedule.orByAppointment ? `${text}; ${t('hours.orByAppointment')}` : text;
}

export function hoursText(published: string, t: Translate, lang: Language): HoursText {
  const schedule = parseHours(published);
  return schedule ? { parsed: true, text: scheduleText(schedule, t, lang) } : { parsed: false, text: published };
}
