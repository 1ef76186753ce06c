import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFederalHoliday, isOpenAt, parseHours } from './hours.ts';

const weekdays = [1, 2, 3, 4, 5];
const h = (hh: number, mm = 0) => hh * 60 + mm;

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
    ['M,W,F 9AM-5PM', [1, 3, 5], h(9), h(17)],
    ['Tuesday/Thursday 9AM-4:30PM', [2, 4], h(9), h(16, 30)],
    ['Wednesday 10AM to 4PM', [3], h(10), h(16)],
    ['Tuesday, 9AM - 1PM', [2], h(9), h(13)],
  ];
  for (const [text, days, open, close] of cases) {
    assert.deepEqual(parseHours(text), [{ days, open, close }], text);
  }
});

test('a split day gives two intervals', () => {
  assert.deepEqual(parseHours('Mon-Fri 9AM-1PM and 2:30PM-5PM'), [
    { days: weekdays, open: h(9), close: h(13) },
    { days: weekdays, open: h(14, 30), close: h(17) },
  ]);
});

test('says nothing for schedules it cannot read honestly', () => {
  for (const text of [
    null,
    '',
    'By appointment only',
    'Mon-Fri 9AM-5PM by appointment only',
    '2nd and 4th Mondays 10:00AM–4:00PM',
    'Every 1st, 3rd, and 5th Tuesday, 9AM-1PM',
    '3rd Wednesday of each month 3PM-6PM by appointment only',
    'Only open Tuesdays and Thursdays',
    '8:30 am to 5:00 pm', // no days named
    '9:00am - 5:00pm, please call ahead',
    'Mon-Fri 5pm-9am',
    'Mon-Fri 25:00-26:00',
    'Funday 9am-5pm',
  ]) {
    assert.equal(parseHours(text), null, String(text));
  }
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
