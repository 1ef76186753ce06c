import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedResponse, matchesEtag, ResponseCache } from './response-cache.ts';

test('the cache evicts the least recently used answers past its byte budget', () => {
  const cache = new ResponseCache(250);
  const entry = (n: number) => cachedResponse(JSON.stringify({ n, pad: 'x'.repeat(80) }), 'public', 0);
  cache.set('a', entry(1));
  cache.set('b', entry(2));
  assert.ok(cache.get('a'), 'touch a, so b is the oldest');
  cache.set('c', entry(3));
  assert.equal(cache.size, 2);
  assert.ok(cache.get('a'));
  assert.equal(cache.get('b'), undefined);
  assert.ok(cache.get('c'));
});

test('an answer larger than the whole budget is not kept', () => {
  const cache = new ResponseCache(10);
  cache.set('big', cachedResponse(JSON.stringify({ long: 'y'.repeat(100) }), 'public', 0));
  assert.equal(cache.size, 0);
});

test('ETags are the hash of the bytes, and If-None-Match compares weakly', () => {
  const a = cachedResponse('{"a":1}', 'public', 0);
  assert.equal(a.etag, cachedResponse('{"a":1}', 'private', 3).etag);
  assert.notEqual(a.etag, cachedResponse('{"a":2}', 'public', 0).etag);
  assert.equal(a.headers['content-length'], '7');
  assert.equal(matchesEtag(a.etag, a.etag), true);
  assert.equal(matchesEtag(`W/${a.etag}`, a.etag), true);
  assert.equal(matchesEtag(`"x", ${a.etag}`, a.etag), true);
  assert.equal(matchesEtag('*', a.etag), true);
  assert.equal(matchesEtag('"x"', a.etag), false);
  assert.equal(matchesEtag(undefined, a.etag), false);
});
