import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { cachedResponse, ResponseCache, representationOf, respond } from './response-cache.ts';

/** JSON of about `bytes` bytes that compresses well, as the officials answers do. */
const json = (n: number, bytes: number) =>
  JSON.stringify({ n, officials: Array.from({ length: Math.ceil(bytes / 40) }, (_, i) => ({ name: `Person ${i}` })) });

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

test('ETags are the hash of the bytes', () => {
  const a = cachedResponse('{"a":1}', 'public', 0);
  assert.equal(a.etag, cachedResponse('{"a":1}', 'private', 3).etag);
  assert.notEqual(a.etag, cachedResponse('{"a":2}', 'public', 0).etag);
  assert.equal(a.headers['content-length'], '7');
});

test('an answer under 1 KiB is never compressed and carries no Vary', () => {
  const small = cachedResponse(json(1, 600), 'public', 0);
  assert.ok(small.body.byteLength < 1024);
  assert.equal(representationOf(small, 'br'), small);
  assert.equal(representationOf(small, 'gzip'), small);
  assert.equal(small.headers.vary, undefined);
  assert.equal(small.br, undefined);
});

test('a large answer has a representation per coding, each with its own ETag and Vary', () => {
  const entry = cachedResponse(json(1, 4000), 'public, max-age=60', 0);
  const br = representationOf(entry, 'br');
  const gzip = representationOf(entry, 'gzip');
  assert.deepEqual(new Uint8Array(brotliDecompressSync(br.body)), entry.body);
  assert.deepEqual(new Uint8Array(gunzipSync(gzip.body)), entry.body);
  assert.equal(new Set([entry.etag, br.etag, gzip.etag]).size, 3);
  for (const [representation, encoding] of [
    [entry, undefined],
    [br, 'br'],
    [gzip, 'gzip'],
  ] as const) {
    assert.match(representation.etag, /^"[A-Za-z0-9_-]+"$/, 'a strong entity-tag');
    assert.equal(representation.headers['content-encoding'], encoding);
    assert.equal(representation.headers['content-length'], String(representation.body.byteLength));
    assert.equal(representation.headers.etag, representation.etag);
    assert.equal(representation.headers.vary, 'Accept-Encoding');
    assert.equal(representation.headers['cache-control'], 'public, max-age=60');
    assert.deepEqual(representation.notModifiedHeaders, {
      'cache-control': 'public, max-age=60',
      etag: representation.etag,
      vary: 'Accept-Encoding',
    });
  }
  assert.ok(br.body.byteLength < entry.body.byteLength / 4);
  assert.equal(representationOf(entry, 'br'), br, 'made once, then kept');
  assert.equal(representationOf(entry, null), entry);
});

test('each representation answers 304 only to its own ETag', async () => {
  const entry = cachedResponse(json(1, 4000), 'public', 0);
  const br = representationOf(entry, 'br');
  const notModified = respond(br, `"other", ${br.etag}`);
  assert.equal(notModified.status, 304);
  assert.equal(notModified.headers.get('etag'), br.etag);
  assert.equal(notModified.headers.get('vary'), 'Accept-Encoding');
  assert.equal(respond(br, entry.etag).status, 200, 'the identity tag names another representation');
  assert.equal(respond(entry, br.etag).status, 200);
  assert.equal(respond(entry, entry.etag).status, 304);
  const sent = respond(br, undefined);
  assert.equal(sent.headers.get('content-encoding'), 'br');
  assert.deepEqual(new Uint8Array(await sent.arrayBuffer()), br.body);
});

test('a coded body made for a cached answer counts against the budget and evicts older answers', () => {
  const a = cachedResponse(json(1, 4000), 'public', 0);
  const b = cachedResponse(json(2, 4000), 'public', 0);
  const cache = new ResponseCache(a.body.byteLength + b.body.byteLength + 1);
  cache.set('a', a);
  cache.set('b', b);
  assert.equal(cache.bytes, a.body.byteLength + b.body.byteLength);
  assert.equal(cache.representation('b', b, null), b, 'identity costs nothing');
  assert.equal(cache.bytes, a.body.byteLength + b.body.byteLength);

  const br = cache.representation('b', cache.get('b')!, 'br');
  assert.equal(b.br, br, 'kept on the entry');
  assert.equal(cache.get('a'), undefined, 'the older answer made room');
  assert.equal(cache.bytes, b.body.byteLength + br.body.byteLength);
  assert.equal(cache.representation('b', b, 'br'), br);
  assert.equal(cache.bytes, b.body.byteLength + br.body.byteLength, 'counted once');

  // Replacing or evicting an entry gives back its coded bodies' bytes too.
  cache.set('b', cachedResponse(json(3, 4000), 'public', 0));
  assert.equal(cache.size, 1);
  assert.equal(cache.bytes, cache.get('b')!.body.byteLength);
});

test('a coded body made for an answer no longer cached is not counted', () => {
  const cache = new ResponseCache(100_000);
  const gone = cachedResponse(json(1, 4000), 'public', 0);
  cache.set('k', gone);
  cache.set('k', cachedResponse(json(2, 4000), 'public', 0));
  const before = cache.bytes;
  const gzip = cache.representation('k', gone, 'gzip');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.equal(cache.bytes, before);
});
