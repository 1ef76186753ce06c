import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compress, pickEncoding } from './content-encoding.ts';

test('brotli is chosen over gzip when both are accepted, whatever their order', () => {
  assert.equal(pickEncoding('gzip, deflate, br'), 'br');
  assert.equal(pickEncoding('br, gzip'), 'br');
  assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(pickEncoding('gzip'), 'gzip');
  assert.equal(pickEncoding('br'), 'br');
});

test('no header, an empty one, or only codings we do not offer, leave the body as it is', () => {
  assert.equal(pickEncoding(undefined), null);
  assert.equal(pickEncoding(''), null);
  assert.equal(pickEncoding('identity'), null);
  assert.equal(pickEncoding('deflate, zstd'), null);
  assert.equal(pickEncoding('brotli, gzipped'), null);
});

test('q=0 refuses a coding, however the zero is written', () => {
  assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(pickEncoding('br;q=0.000, gzip'), 'gzip');
  assert.equal(pickEncoding('br ; q=0 , gzip'), 'gzip');
  assert.equal(pickEncoding('br;Q=0, gzip'), 'gzip');
  assert.equal(pickEncoding('gzip;q=0'), null);
  assert.equal(pickEncoding('br;q=0, gzip;q=0.0'), null);
});

test('whitespace around the weight does not hide a coding', () => {
  assert.equal(pickEncoding('br ;q=0.5'), 'br');
  assert.equal(pickEncoding('gzip;\tq=1.0'), 'gzip');
  assert.equal(pickEncoding('  BR  '), 'br');
  assert.equal(pickEncoding(',, gzip ,'), 'gzip');
});

test('* stands for every coding not named, and a named weight overrides it', () => {
  assert.equal(pickEncoding('*'), 'br');
  assert.equal(pickEncoding('*;q=0'), null);
  assert.equal(pickEncoding('br;q=0, *'), 'gzip');
  assert.equal(pickEncoding('*, br;q=0, gzip;q=0'), null);
  assert.equal(pickEncoding('gzip, *;q=0'), 'gzip');
});

test('the higher weight wins, br on a tie; identity only when weighed above both', () => {
  assert.equal(pickEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(pickEncoding('gzip;q=0.5, br;q=0.5'), 'br');
  assert.equal(pickEncoding('br;q=0.2, identity;q=0.5'), null);
  assert.equal(pickEncoding('br, identity'), 'br');
});

test('x-gzip is gzip', () => {
  assert.equal(pickEncoding('x-gzip'), 'gzip');
  assert.equal(pickEncoding('X-GZIP;q=0.9, br;q=0.1'), 'gzip');
});

test('a member that does not parse is ignored', () => {
  assert.equal(pickEncoding('br;q=2, gzip'), 'gzip', 'a weight above 1');
  assert.equal(pickEncoding('br;q=0.0001, gzip'), 'gzip', 'more than three decimals');
  assert.equal(pickEncoding('br;q=abc, gzip'), 'gzip');
  assert.equal(pickEncoding('br;level=11, gzip'), 'gzip');
  assert.equal(pickEncoding('br;q=0.5;x=1'), null);
  assert.equal(pickEncoding('br gzip'), null);
  assert.equal(pickEncoding('"br"'), null);
});

test('compressed bodies decompress to the original bytes', () => {
  const body = new TextEncoder().encode(JSON.stringify({ officials: Array.from({ length: 50 }, (_, n) => ({ n })) }));
  const br = compress(body, 'br');
  const gzip = compress(body, 'gzip');
  assert.ok(br.byteLength < body.byteLength && gzip.byteLength < body.byteLength);
  assert.deepEqual(new Uint8Array(brotliDecompressSync(br)), body);
  assert.deepEqual(new Uint8Array(gunzipSync(gzip)), body);
});
