import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { fixedClock } from '../clock.ts';
import { createClientKeyer, forwardedAddress } from './client-key.ts';

test('one client keeps its key through the day and gets a new one after UTC midnight', () => {
  const clock = fixedClock('2026-11-28T00:00:01Z');
  const keyer = createClientKeyer({ clock, trustProxy: false });
  const morning = keyer.keyFor('198.51.100.4');
  clock.set('2026-11-28T23:59:59Z');
  assert.equal(keyer.keyFor('198.51.100.4'), morning);
  assert.notEqual(keyer.keyFor('198.51.100.5'), morning);
  clock.set('2026-11-29T00:00:00Z');
  const nextDay = keyer.keyFor('198.51.100.4');
  assert.notEqual(nextDay, morning);
  // Yesterday's key is gone for good: going back does not bring the old salt back.
  clock.set('2026-11-28T12:00:00Z');
  assert.notEqual(keyer.keyFor('198.51.100.4'), morning);
});

test('keys do not reveal the address and differ between processes', () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const a = createClientKeyer({ clock, trustProxy: false });
  const b = createClientKeyer({ clock, trustProxy: false });
  const key = a.keyFor('203.0.113.200');
  assert.doesNotMatch(key, /203|113|200/);
  assert.match(key, /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(b.keyFor('203.0.113.200'), key, 'each process draws its own salt');
});

test('reads X-Forwarded-For only behind a trusted proxy, taking the entry the proxy appended', async () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const trusting = createClientKeyer({ clock, trustProxy: true });
  const direct = createClientKeyer({ clock, trustProxy: false });
  const app = new Hono();
  app.get('/trusting', (c) => c.text(trusting.keyOf(c)));
  app.get('/direct', (c) => c.text(direct.keyOf(c)));
  const get = async (p: string, xff?: string) =>
    (await app.request(p, { headers: xff ? { 'x-forwarded-for': xff } : {} })).text();

  assert.equal(await get('/trusting', '10.0.0.1'), trusting.keyFor('10.0.0.1'));
  // A client cannot choose its key by sending its own X-Forwarded-For in front of the proxy's.
  assert.equal(await get('/trusting', '1.2.3.4, 10.0.0.1'), trusting.keyFor('10.0.0.1'));
  assert.equal(await get('/direct', '10.0.0.1'), await get('/direct', '10.0.0.2'));
  assert.equal(forwardedAddress(' 1.1.1.1 , 2001:db8::1 '), '2001:db8::1');
  assert.equal(forwardedAddress(''), null);
});
