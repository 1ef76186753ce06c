import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { testDataDir } from '../officials/testing/mirror.ts';
import { isFederalHoliday } from './federal-holidays.ts';
import { type HoursClause, isOpenAt, parseHours, type Schedule } from './hours.ts';

const weekdays = [1, 2, 3, 4, 5];
const h = (hh: number, mm = 0) => hh * 60 + mm;
const clause = (days: number[], ranges: [number, number][], extra: Partial<HoursClause> = {}): HoursClause => ({
  days,
  weeks: [],
  ranges: ranges.map(([open, close]) => ({ open, close })),
  byAppointment: false,
  ...extra,
});
const weekly = (...clauses: HoursClause[]): Schedule => ({ clauses, orByAppointment: false });

test('reads the common weekday formats in the district offices data', () => {
  const cases: [string, number[], number, number][] = [
    ['Monday-Friday 9:00AM-5:00PM', weekdays, h(9), h(17)],
    ['Mon-Fri 9am-5pm', weekdays, h(9), h(17)],
    ['M-F 9-5:30pm', weekdays, h(9), h(17, 30)],
    ['Mon-Fri 8:00AM-5:00PM CT', weekdays, h(8), h(17)],
    ['8:30am-4:30pm, M-F', weekdays, h(8, 30), h(16, 30)],
    ['Monday through Friday, 9 a.m. to 5 p.m.', weekdays, h(9), h(17)],
    ['8:30am - 5:30pm (M-F)', weekdays, h(8, 30), h(17, 30)],
    ['M-F 8:30am-430pm', weekdays, h(8, 30), h(16, 30)],
    ['Monday - Friday 8:00 a.m. CST to 5:30 p.m. CST', weekdays, h(8), h(17, 30)],
    ['Monday-Friday; 8:00am – 5:00pm PT', weekdays, h(8), h(17)],
    ['Mon–Fri, 9am–5pm', weekdays, h(9), h(17)],
    ['Monday - Friday: 9:00 AM - 5:00 PM', weekdays, h(9), h(17)],
    ['9:00am-5:00pm (PT), Weekdays', weekdays, h(9), h(17)],
    ['Mondays-Fridays 9AM - 5PM', weekdays, h(9), h(17)],
    ['Mon. - Fri., 9:00 am - 5:00 pm', weekdays, h(9), h(17)],
    ['M,W,F 9AM-5PM', [1, 3, 5], h(9), h(17)],
    ['Tuesday/Thursday 9AM-4:30PM', [2, 4], h(9), h(16, 30)],
    ['T, Th 9:30am-4:30pm', [2, 4], h(9, 30), h(16, 30)],
    ['Wednesday 10AM to 4PM', [3], h(10), h(16)],
    ['Tuesday, 9AM - 1PM', [2], h(9), h(13)],
    ['Thursdays 1:00pm-5:00pm', [4], h(13), h(17)],
    ['Monday-Friday 8 a.m. to 5 p.m', weekdays, h(8), h(17)],
  ];
  for (const [text, days, open, close] of cases) {
    assert.deepEqual(parseHours(text), weekly(clause(days, [[open, close]])), text);
  }
});

test('each range keeps its own days', () => {
  assert.deepEqual(
    parseHours('Tuesday 10:00AM-12:00PM and Thursday 2:00PM-4:00PM'),
    weekly(clause([2], [[h(10), h(12)]]), clause([4], [[h(14), h(16)]])),
  );
  assert.deepEqual(
    parseHours('Mon-Thu 9-5, Fri 9-1'),
    weekly(clause([1, 2, 3, 4], [[h(9), h(17)]]), clause([5], [[h(9), h(13)]])),
  );
  assert.deepEqual(parseHours('Mon-Fri 9AM-1PM and 2:30PM-5PM'), {
    clauses: [
      clause(weekdays, [
        [h(9), h(13)],
        [h(14, 30), h(17)],
      ]),
    ],
    orByAppointment: false,
  });
});

test('different hours on different days are judged by the day', () => {
  const tz = 'America/Chicago';
  // 2026-03-13 is a Friday; 20:00 UTC is 15:00 in Chicago (CDT).
  const fridayAfternoon = new Date('2026-03-13T20:00:00Z');
  assert.equal(isOpenAt(parseHours('Mon-Thu 9-5, Fri 9-1'), fridayAfternoon, tz), false);
  assert.equal(isOpenAt(parseHours('Mon-Thu 9-5, Fri 9-1'), new Date('2026-03-12T20:00:00Z'), tz), true);
  const split = parseHours('Tuesday 10:00AM-12:00PM and Thursday 2:00PM-4:00PM');
  // Tuesday 2026-03-10 at 15:00 in Chicago: Tuesday's hours are over; Thursday at 15:00 is open.
  assert.equal(isOpenAt(split, new Date('2026-03-10T20:00:00Z'), tz), false);
  assert.equal(isOpenAt(split, new Date('2026-03-12T20:00:00Z'), tz), true);
  assert.equal(isOpenAt(split, new Date('2026-03-12T16:00:00Z'), tz), false); // Thursday 11:00
});

test('appointments: hours kept by appointment never count as open', () => {
  const tz = 'America/New_York';
  const wednesdayNoon = new Date('2026-03-11T16:00:00Z');
  const appointmentOnly = parseHours('Mon-Fri 9AM-5PM by appointment only');
  assert.deepEqual(appointmentOnly, weekly(clause(weekdays, [[h(9), h(17)]], { byAppointment: true })));
  assert.equal(isOpenAt(appointmentOnly, wednesdayNoon, tz), null);
  assert.deepEqual(parseHours('By appointment only'), weekly(clause([], [], { byAppointment: true })));
  assert.equal(isOpenAt(parseHours('By appointment only'), wednesdayNoon, tz), null);
  // Regular hours on some days, appointments on the others.
  const mixed = parseHours('Monday-Wednesday 9:00AM-5:00PM, Thursday and Friday by appointment only');
  assert.deepEqual(mixed, weekly(clause([1, 2, 3], [[h(9), h(17)]]), clause([4, 5], [], { byAppointment: true })));
  assert.equal(isOpenAt(mixed, wednesdayNoon, tz), true);
  assert.equal(isOpenAt(mixed, new Date('2026-03-12T16:00:00Z'), tz), null); // Thursday
  // "…or by appointment": open in the hours listed, and no claim outside them.
  const also = parseHours('Tuesday and Thursday 9AM-5PM or by appointment');
  assert.deepEqual(also, { clauses: [clause([2, 4], [[h(9), h(17)]])], orByAppointment: true });
  assert.equal(isOpenAt(also, new Date('2026-03-12T16:00:00Z'), tz), true);
  assert.equal(isOpenAt(also, wednesdayNoon, tz), null);
});

test('monthly visits open only in the named week of the month', () => {
  const schedule = parseHours('Every 1st, 3rd, and 5th Tuesday, 9AM-1PM');
  assert.deepEqual(schedule, weekly(clause([2], [[h(9), h(13)]], { weeks: [1, 3, 5] })));
  assert.deepEqual(
    parseHours('Second and fourth Wednesday of every month 10AM-2PM'),
    weekly(clause([3], [[h(10), h(14)]], { weeks: [2, 4] })),
  );
  const tz = 'America/New_York';
  // March 2026: Tuesday the 3rd is the first Tuesday, the 10th the second, the 17th the third.
  assert.equal(isOpenAt(schedule, new Date('2026-03-03T15:00:00Z'), tz), true);
  assert.equal(isOpenAt(schedule, new Date('2026-03-10T15:00:00Z'), tz), false);
  assert.equal(isOpenAt(schedule, new Date('2026-03-17T15:00:00Z'), tz), true);
});

test('says nothing for schedules it cannot read honestly', () => {
  for (const text of [
    null,
    '',
    'Only open Tuesdays and Thursdays',
    'Tuesday-Thursday',
    '9:00am - 5:00pm, please call ahead',
    'Mon-Fri 5pm-9am',
    'Mon-Fri 25:00-26:00',
    'Funday 9am-5pm',
    'Mon-Fri 9-5, Sat',
    'Every other Friday 9AM-1PM',
    'Last Friday of the month 9AM-1PM',
    'Mondays and 2nd Tuesdays 9AM-5PM',
    'Mon-Fri 9am-5pm except holidays',
    'Mon-Fri 9am-5pm, closed for lunch 12-1',
  ]) {
    assert.equal(parseHours(text), null, String(text));
  }
});

test('hours without days are read, but never said to be open', () => {
  const schedule = parseHours('8:30 am to 5:00 pm');
  assert.deepEqual(schedule, weekly(clause([], [[h(8, 30), h(17)]])));
  assert.equal(isOpenAt(schedule, new Date('2026-03-11T17:30:00Z'), 'America/Los_Angeles'), null);
});

test('open now is judged in the office time zone', () => {
  const hours = parseHours('Mon-Fri 9am-5pm');
  // Wednesday 2026-03-11 17:30 UTC is 10:30 in Los Angeles (PDT) and 13:30 in New York.
  const at = new Date('2026-03-11T17:30:00Z');
  assert.equal(isOpenAt(hours, at, 'America/Los_Angeles'), true);
  // 23:30 UTC is 16:30 in Los Angeles but 19:30 in New York.
  const late = new Date('2026-03-11T23:30:00Z');
  assert.equal(isOpenAt(hours, late, 'America/Los_Angeles'), true);
  assert.equal(isOpenAt(hours, late, 'America/New_York'), false);
  // Saturday.
  assert.equal(isOpenAt(hours, new Date('2026-03-14T17:30:00Z'), 'America/Chicago'), false);
});

test('Hawaii and Arizona keep standard time all year', () => {
  const hours = parseHours('Mon-Fri 8am-4:30pm');
  // Wednesday 2026-07-15 15:30 UTC: 08:30 in Phoenix (MST, no DST) but 09:30 in Denver (MDT).
  const summer = new Date('2026-07-15T15:30:00Z');
  assert.equal(isOpenAt(hours, summer, 'America/Phoenix'), true);
  const early = new Date('2026-07-15T14:45:00Z'); // 07:45 in Phoenix, 08:45 in Denver
  assert.equal(isOpenAt(hours, early, 'America/Phoenix'), false);
  assert.equal(isOpenAt(hours, early, 'America/Denver'), true);
  // 02:15 UTC on Thursday is 16:15 on Wednesday in Honolulu (HST, UTC−10): still open.
  assert.equal(isOpenAt(hours, new Date('2026-07-16T02:15:00Z'), 'Pacific/Honolulu'), true);
  assert.equal(isOpenAt(hours, new Date('2026-07-16T02:45:00Z'), 'Pacific/Honolulu'), false);
});

test('open now says nothing without hours, without a zone, or on a federal holiday', () => {
  const hours = parseHours('Mon-Fri 9am-5pm');
  const wednesday = new Date('2026-03-11T17:30:00Z');
  assert.equal(isOpenAt(null, wednesday, 'America/New_York'), null);
  assert.equal(isOpenAt(hours, wednesday, null), null);
  assert.equal(isOpenAt(hours, wednesday, 'Not/AZone'), null);
  // Thanksgiving 2026 is Thursday, November 26.
  assert.equal(isOpenAt(hours, new Date('2026-11-26T17:00:00Z'), 'America/New_York'), null);
});

test('federal holidays follow the statute, with weekend observance', () => {
  assert.ok(isFederalHoliday(2026, 7, 3)); // July 4, 2026 is a Saturday: observed Friday
  assert.ok(isFederalHoliday(2026, 1, 19)); // MLK Day, third Monday of January
  assert.ok(isFederalHoliday(2026, 5, 25)); // Memorial Day, last Monday of May
  assert.ok(isFederalHoliday(2021, 12, 31)); // New Year 2022 fell on a Saturday
  assert.ok(!isFederalHoliday(2026, 7, 6));
  assert.ok(!isFederalHoliday(2026, 3, 11));
});

test('reads nearly every published hours string, and none reads as night hours', () => {
  const offices = path.join(testDataDir(), 'congress-legislators/legislators-district-offices.json');
  const members = JSON.parse(readFileSync(offices, 'utf8')) as { offices?: { hours?: string }[] }[];
  const all = members.flatMap((m) => (m.offices ?? []).flatMap((o) => (o.hours ? [o.hours] : [])));
  assert.ok(all.length > 200, `${all.length} hours strings`);
  const unread = all.filter((text) => parseHours(text) === null);
  // Those left are not weekly schedules: "please call ahead", days without hours.
  assert.ok(unread.length / all.length < 0.05, `unread: ${unread.join(' | ')}`);
  for (const text of all) {
    for (const c of parseHours(text)?.clauses ?? []) {
      for (const r of c.ranges) {
        // A district office open before 6 AM or after 9 PM is a morning/evening mix-up.
        assert.ok(r.open >= h(6) && r.close <= h(21) && r.open < r.close, `${text}: ${JSON.stringify(r)}`);
      }
    }
  }
});
