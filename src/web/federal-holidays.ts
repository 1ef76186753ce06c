/** The calendar at an office: its local weekday and time, and whether the day is a federal holiday. */

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
