import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientKeySource, normalizeAddress, proxyTrustWarning, resolveClientAddress } from './client-address.ts';

test('one hop (TRUST_PROXY=true) takes the entry the proxy appended, not the ones before it', () => {
  const oneHop = { kind: 'hops', hops: 1 } as const;
  assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7', oneHop), '203.0.113.7');
  assert.equal(resolveClientAddress('127.0.0.1', 'forged, 203.0.113.7', oneHop), '203.0.113.7');
  assert.equal(resolveClientAddress('127.0.0.1', undefined, oneHop), '127.0.0.1', 'no header: the peer');
  assert.equal(resolveClientAddress('127.0.0.1', ' 1.1.1.1 , 2001:DB8::1 ', oneHop), '2001:db8::1');
});

test('a CDN in front of nginx is two hops: clients behind the CDN do not share its address', () => {
  const twoHops = { kind: 'hops', hops: 2 } as const;
  // The client sent "forged"; the CDN appended the client (203.0.113.7), nginx the CDN (198.51.100.2).
  const header = 'forged, 203.0.113.7, 198.51.100.2';
  assert.equal(resolveClientAddress('127.0.0.1', header, twoHops), '203.0.113.7');
  assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.8, 198.51.100.2', twoHops), '203.0.113.8');
  assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.2', twoHops), '198.51.100.2', 'the furthest there is');
});

test('listed proxies: the right-most address that is not one of them, and only from one of them', () => {
  const listed = { kind: 'ranges', ranges: ['loopback', '198.51.100.0/24', '2001:db8:cd::/48'] } as const;
  assert.equal(resolveClientAddress('127.0.0.1', 'forged, 203.0.113.7, 198.51.100.2', listed), '203.0.113.7');
  assert.equal(resolveClientAddress('::1', '2001:db8:cd::9, 2001:db8:ee::5', listed), '2001:db8:ee::5');
  // The port reached directly: a forged header from an unlisted peer is not believed.
  assert.equal(resolveClientAddress('203.0.113.66', '10.9.9.9', listed), '203.0.113.66');
  assert.equal(resolveClientAddress('127.0.0.1', '198.51.100.3, 198.51.100.2', listed), '198.51.100.3');
});

test('without a proxy the header is ignored', () => {
  assert.equal(resolveClientAddress('203.0.113.5', '10.0.0.1', { kind: 'none' }), '203.0.113.5');
  assert.equal(resolveClientAddress(null, '10.0.0.1', { kind: 'none' }), null);
});

test('addresses are read with ports, brackets and IPv4 mapping removed; IPv6 is keyed by /64', () => {
  assert.equal(normalizeAddress('[2001:db8::1]:443'), '2001:db8::1');
  assert.equal(normalizeAddress('203.0.113.9:5000'), '203.0.113.9');
  assert.equal(normalizeAddress('::FFFF:203.0.113.9'), '203.0.113.9');
  assert.equal(clientKeySource('2001:db8:aa:1:9f3c::1'), '2001:0db8:00aa:0001::/64');
  assert.equal(clientKeySource('::1'), '0000:0000:0000:0000::/64');
  assert.equal(clientKeySource('64:ff9b::198.51.100.1'), '0064:ff9b:0000:0000::/64');
  assert.equal(clientKeySource('203.0.113.9'), '203.0.113.9');
  assert.equal(clientKeySource(null), 'unknown');
});

test('warns when hops are trusted and the port is reachable from other machines', () => {
  assert.match(proxyTrustWarning({ kind: 'hops', hops: 1 }, '0.0.0.0') ?? '', /choose its address/);
  assert.equal(proxyTrustWarning({ kind: 'hops', hops: 1 }, '127.0.0.1'), null);
  assert.equal(proxyTrustWarning({ kind: 'ranges', ranges: ['loopback'] }, '0.0.0.0'), null);
  assert.equal(proxyTrustWarning({ kind: 'none' }, '0.0.0.0'), null);
});
