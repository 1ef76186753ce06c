import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DailyChart, HorizontalBars } from './bar-charts.tsx';
import { classBreaks, classOf, classRanges, fillDays, niceMax, percent, ticks } from './scale.ts';
import { stateShapes } from './us-geometry.ts';
import { StateMap } from './us-map.tsx';

const html = (node: unknown) => String(node);

test('days without actions appear as zero bars between the first day and today', () => {
  const bars = fillDays(
    [
      { day: '2026-02-26', count: 3 },
      { day: '2026-02-28', count: 5 },
    ],
    '2026-03-01',
  );
  assert.deepEqual(bars, [
    { label: '2026-02-26', value: 3 },
    { label: '2026-02-27', value: 0 },
    { label: '2026-02-28', value: 5 },
    { label: '2026-03-01', value: 0 },
  ]);
  assert.equal(fillDays([{ day: '2025-01-01', count: 1 }], '2026-03-01', 30).length, 30);
  assert.deepEqual(fillDays([], '2026-03-01'), [{ label: '2026-03-01', value: 0 }]);
});

test('axes round up to 1, 2 or 5 times a power of ten', () => {
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(7), 10);
  assert.equal(niceMax(13), 20);
  assert.equal(niceMax(312), 500);
  assert.deepEqual(ticks(500), [0, 100, 200, 300, 400, 500]);
  assert.deepEqual(ticks(20), [0, 5, 10, 15, 20]);
  assert.deepEqual(ticks(1000), [0, 200, 400, 600, 800, 1000]);
  assert.deepEqual(ticks(2), [0, 1, 2]);
  assert.equal(percent(40, 100), '40%');
  assert.equal(percent(1, 0), '–');
});

test('map classes split the states that acted into quartiles; zero is its own class', () => {
  const breaks = classBreaks([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(breaks, [2, 4, 6, 8]);
  assert.equal(classOf(0, breaks), 0);
  assert.equal(classOf(1, breaks), 1);
  assert.equal(classOf(3, breaks), 2);
  assert.equal(classOf(5, breaks), 3);
  assert.equal(classOf(8, breaks), 4);
  assert.deepEqual(classRanges(breaks), ['1–2', '3–4', '5–6', '7–8']);
});

test('with few distinct counts, classes merge, ranges never read backwards, and the top is darkest', () => {
  assert.deepEqual(classBreaks([]), []);
  assert.deepEqual(classBreaks([0, 0]), []);
  assert.equal(classOf(0, []), 0);

  const one = classBreaks([0, 3]);
  assert.deepEqual(one, [3]);
  assert.deepEqual(classRanges(one), ['1–3']);
  assert.equal(classOf(3, one), 4, 'the only state that acted is the darkest, not the lightest');

  const equal = classBreaks([5, 5, 5, 5, 5]);
  assert.deepEqual(classRanges(equal), ['1–5']);

  const two = classBreaks([1, 1, 1, 9]);
  assert.deepEqual(classRanges(two), ['1', '2–9']);
  assert.deepEqual([classOf(1, two), classOf(9, two)], [2, 4]);

  const ties = classBreaks([1, 2, 2, 2, 7]);
  assert.deepEqual(classRanges(ties), ['1–2', '3–7']);

  const three = classBreaks([1, 5, 9, 9]);
  assert.deepEqual(classRanges(three), ['1', '2–5', '6–9']);
  assert.deepEqual([classOf(1, three), classOf(5, three), classOf(9, three)], [1, 3, 4]);
});

test('the daily chart is an accessible image with the same numbers in a table', () => {
  const out = html(
    DailyChart({
      id: 'daily',
      title: 'Actions per day',
      bars: [
        { label: '2026-02-28', value: 12 },
        { label: '2026-03-01', value: 30 },
      ],
    }),
  );
  assert.match(out, /<svg[^>]*role="img"[^>]*aria-labelledby="daily-title daily-desc"/);
  assert.match(out, /<title id="daily-title">Actions per day<\/title>/);
  assert.match(
    out,
    /<desc id="daily-desc">42 actions from 2026-02-28 to 2026-03-01; the busiest day was 2026-03-01 with 30\.<\/desc>/,
  );
  assert.match(out, /<th scope="row">2026-03-01<\/th><td class="num">30<\/td>/);
  // The taller bar is drawn for the larger count.
  const heights = [...out.matchAll(/<rect[^>]*height="([\d.]+)"[^>]*fill="#0b5394"/g)].map((m) => Number(m[1]));
  assert.equal(heights.length, 2);
  assert.ok(heights[1]! > heights[0]!);
});

test('outcome bars write each value and share as text, and escape labels', () => {
  const out = html(
    HorizontalBars({
      id: 'outcomes',
      title: 'Outcomes',
      head: ['Outcome', 'Actions'],
      bars: [
        { label: 'Reached a person', value: 40 },
        { label: '<script>x</script>', value: 60 },
      ],
    }),
  );
  assert.match(out, />40 \(40%\)</);
  assert.match(out, />60 \(60%\)</);
  assert.doesNotMatch(out, /<script>/);
  assert.match(out, /&lt;script&gt;/);
});

test('the state outlines come from us-atlas: 50 states and DC, inside the projected frame', () => {
  const shapes = stateShapes();
  assert.equal(shapes.length, 51);
  const ca = shapes.find((s) => s.code === 'CA');
  assert.ok(ca);
  assert.ok(ca.d.startsWith('M') && ca.d.endsWith('Z'));
  assert.equal(ca.name, 'California');
  // California's label sits in the west, New York's in the east.
  const ny = shapes.find((s) => s.code === 'NY')!;
  assert.ok(ca.label.x < 300 && ny.label.x > 700, `${ca.label.x} ${ny.label.x}`);
});

test('the map colours and patterns states by class, labels counts, and lists them in a table', () => {
  const out = html(
    StateMap({
      id: 'map',
      byState: [
        { state: 'CA', count: 312 },
        { state: 'TX', count: 40 },
        { state: 'NY', count: 5 },
        { state: 'VT', count: 1 },
      ],
    }),
  );
  assert.match(out, /<svg[^>]*role="img"/);
  assert.match(
    out,
    /<desc id="map-desc">Supporters in 4 states or territories took 358 actions\. Most: CA 312, TX 40, NY 5\.<\/desc>/,
  );
  const fillOf = (code: string) => new RegExp(`fill="([^"]+)" data-state="${code}"`).exec(out)?.[1];
  assert.equal(fillOf('CA'), '#08306b');
  assert.equal(fillOf('OH'), '#ffffff');
  assert.match(fillOf('VT') ?? '', /^url\(#map-p1\)$/);
  assert.match(out, /<title>California: 312 actions<\/title>/);
  assert.match(out, />CA 312</);
  assert.match(out, /<th scope="row">California<\/th><td class="num">312<\/td>/);
  const legendGroup = /<g [^>]*data-legend="">(.*?)<\/g><\/svg>/s.exec(out)?.[1] ?? '';
  const legend = [...legendGroup.matchAll(/<text[^>]*>([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(legend, ['no actions', '1', '2–5', '6–40', '41–312']);
  assert.match(fillOf('NY') ?? '', /^url\(#map-p2\)$/);
  assert.match(out, /<caption>Actions by state: 358 in 4 states or territories, most first<\/caption>/);
  assert.match(out, /<th scope="row">Vermont<\/th><td class="num">1<\/td><td class="num">0%<\/td>/);
});

test('one state with three actions is dark, with a legend that reads 1–3', () => {
  const out = html(StateMap({ id: 'map', byState: [{ state: 'TX', count: 3 }] }));
  assert.equal(/fill="([^"]+)" data-state="TX"/.exec(out)?.[1], '#08306b');
  assert.match(out, />1–3</);
  assert.doesNotMatch(out, /4–3|over 3/);
  assert.match(out, /Supporters in 1 state or territory took 3 actions\./);
});

test('with no actions, the map says so instead of drawing an empty map and legend', () => {
  const out = html(StateMap({ id: 'map', byState: [{ state: 'CA', count: 0 }] }));
  assert.match(out, /No actions yet in any state\./);
  assert.doesNotMatch(out, /<svg|1–1|<table/);
});

test('actions from territories, which the map does not draw, are in the table by name', () => {
  const out = html(
    StateMap({
      id: 'map',
      byState: [
        { state: 'PR', count: 4 },
        { state: 'CA', count: 1 },
      ],
    }),
  );
  assert.match(out, /<th scope="row">Puerto Rico<\/th><td class="num">4<\/td><td class="num">80%<\/td>/);
});

test('the territories the map does not draw are listed beside it with their counts', () => {
  const out = html(
    StateMap({
      id: 'map',
      byState: [
        { state: 'PR', count: 4 },
        { state: 'TX', count: 3 },
        { state: 'GU', count: 1 },
      ],
    }),
  );
  const listed = [...out.matchAll(/<li data-state="([A-Z]{2})">([^<]*)<\/li>/g)].map((m) => [m[1], m[2]]);
  // Most first, then by name; a territory without actions is listed with 0, not left out.
  assert.deepEqual(listed.slice(0, 3), [
    ['PR', 'Puerto Rico: 4'],
    ['GU', 'Guam: 1'],
    ['AS', 'American Samoa: 0'],
  ]);
  assert.deepEqual(listed.map(([code]) => code).sort(), ['AS', 'GU', 'MP', 'PR', 'VI']);
  assert.doesNotMatch(out, /data-state="DC">/, 'DC is drawn, so it is not listed');
  assert.match(out, /<path [^>]*data-state="DC"/);
});
