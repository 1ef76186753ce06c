import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { fixedClock } from '../clock.ts';
import { createClientKeyer } from './client-key.ts';

test('one client keeps its key through the day and gets a new one after UTC midnight', () => {
  const clock = fixedClock('2026-11-28T00:00:01Z');
  const keyer = createClientKeyer({ clock, proxyTrust: { kind: 'none' } });
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

test('for an hour after midnight the client’s key from before is known, and only then', () => {
  const clock = fixedClock('2026-11-28T23:59:50Z');
  const keyer = createClientKeyer({ clock, proxyTrust: { kind: 'none' } });
  const before = keyer.keyFor('198.51.100.4');
  assert.equal(keyer.previousKeyOf(before), null, 'nothing to carry over during the day');
  clock.set('2026-11-29T00:00:05Z');
  const after = keyer.keyFor('198.51.100.4');
  assert.notEqual(after, before);
  assert.equal(keyer.previousKeyOf(after), before);
  assert.equal(keyer.previousKeyOf('a key it never made'), null);
  clock.set('2026-11-29T01:00:00Z');
  assert.equal(keyer.previousKeyOf(after), null, 'past the grace period');
  assert.equal(keyer.keyFor('198.51.100.4'), after, 'the day’s key is unchanged');
});

test('keys do not reveal the address and differ between processes', () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const a = createClientKeyer({ clock, proxyTrust: { kind: 'none' } });
  const b = createClientKeyer({ clock, proxyTrust: { kind: 'none' } });
  const key = a.keyFor('203.0.113.200');
  assert.doesNotMatch(key, /203|113|200/);
  assert.match(key, /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(b.keyFor('203.0.113.200'), key, 'each process draws its own salt');
});

test('reads X-Forwarded-For only as TRUST_PROXY says, from the socket the request came on', async () => {
  const clock = fixedClock('2026-11-28T12:00:00Z');
  const oneHop = createClientKeyer({ clock, proxyTrust: { kind: 'hops', hops: 1 } });
  const direct = createClientKeyer({ clock, proxyTrust: { kind: 'none' } });
  const listed = createClientKeyer({ clock, proxyTrust: { kind: 'ranges', ranges: ['loopback'] } });
  const app = new Hono();
  app.get('/one-hop', (c) => c.text(oneHop.keyOf(c)));
  app.get('/direct', (c) => c.text(direct.keyOf(c)));
  app.get('/listed', (c) => c.text(listed.keyOf(c)));
  // As @hono/node-server passes Node's request, with its socket and lower-cased headers, to the app.
  const get = async (p: string, peer: string, xff?: string) => {
    const headers: Record<string, string> = xff ? { 'x-forwarded-for': xff } : {};
    return (await app.request(p, { headers }, { incoming: { socket: { remoteAddress: peer }, headers } })).text();
  };

  assert.equal(await get('/one-hop', '127.0.0.1', '10.0.0.1'), oneHop.keyFor('10.0.0.1'));
  // A client cannot choose its key by sending its own X-Forwarded-For in front of the proxy's.
  assert.equal(await get('/one-hop', '127.0.0.1', '1.2.3.4, 10.0.0.1'), oneHop.keyFor('10.0.0.1'));
  assert.equal(await get('/direct', '203.0.113.5', '10.0.0.1'), direct.keyFor('203.0.113.5'));
  assert.equal(await get('/listed', '::ffff:127.0.0.1', '1.2.3.4, 10.0.0.1'), listed.keyFor('10.0.0.1'));
  // Straight to the port, not through the listed proxy: the header is the client's own and ignored.
  assert.equal(await get('/listed', '203.0.113.5', '10.0.0.1'), listed.keyFor('203.0.113.5'));
});

test('IPv6 clients are told apart by their /64, IPv4-mapped addresses as IPv4', () => {
  const keyer = createClientKeyer({ clock: fixedClock('2026-11-28T12:00:00Z'), proxyTrust: { kind: 'none' } });
  const home = keyer.keyFor('2001:db8:aa:1::1');
  assert.equal(keyer.keyFor('2001:db8:aa:1:9f3c:1d2e:77a0:b1'), home, 'a privacy address of the same network');
  assert.equal(keyer.keyFor('2001:0DB8:00aa:0001::ffff'), home, 'however it is written');
  assert.notEqual(keyer.keyFor('2001:db8:aa:2::1'), home, 'the next /64 is another client');
  assert.equal(keyer.keyFor('::ffff:203.0.113.9'), keyer.keyFor('203.0.113.9'));
  assert.notEqual(keyer.keyFor('203.0.113.9'), keyer.keyFor('203.0.113.10'), 'IPv4 is keyed per address');
});
