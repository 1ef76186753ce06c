import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { BodyIncompleteError, BodyTooLargeError, headerOf, readBodyText } from './node-request.ts';

const LIMIT = 64;
/** What each read that failed ended with, for the test of a client that goes away. */
const failures: unknown[] = [];

function echoApp(): Hono {
  const app = new Hono();
  app.post('/echo', async (c) => {
    try {
      const text = await readBodyText(c, LIMIT);
      return c.json({ text, type: headerOf(c, 'content-type') ?? null, tag: headerOf(c, 'x-tag') ?? null });
    } catch (err) {
      failures.push(err);
      if (err instanceof BodyTooLargeError) return c.json({ error: 'too large' }, 413);
      throw err;
    }
  });
  return app;
}

let server: ServerType;
let base: string;
before(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: echoApp().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A body sent in pieces, without Content-Length (chunked). */
function chunked(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
}

test('reads a body and headers from the Node request when served on a port', async () => {
  const res = await fetch(`${base}/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tag': 'a' },
    body: '{"say":"¡hola!"}',
  });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { text: '{"say":"¡hola!"}', type: 'application/json', tag: 'a' });
});

test('a chunked body is read whole, however it is split, even inside a character', async () => {
  const bytes = new TextEncoder().encode('¡sí!');
  const res = await fetch(`${base}/echo`, {
    method: 'POST',
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, 1));
        controller.enqueue(bytes.slice(1, 4));
        controller.enqueue(bytes.slice(4));
        controller.close();
      },
    }),
    duplex: 'half',
  } as RequestInit);
  assert.equal(((await res.json()) as { text: string }).text, '¡sí!');
});

test('refuses a body over the limit from its Content-Length, and still answers', async () => {
  const res = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(LIMIT + 1) });
  assert.equal(res.status, 413);
  assert.deepEqual(await res.json(), { error: 'too large' });
});

test('refuses a chunked body once it passes the limit, and the connection carries the answer', async () => {
  const res = await fetch(`${base}/echo`, {
    method: 'POST',
    body: chunked('x'.repeat(40), 'y'.repeat(40), 'z'.repeat(40)),
    duplex: 'half',
  } as RequestInit);
  assert.equal(res.status, 413);
  // The server is still there for the next request.
  const next = await fetch(`${base}/echo`, { method: 'POST', body: 'ok' });
  assert.equal(((await next.json()) as { text: string }).text, 'ok');
});

test('without a Node request (app.request in tests) reads the WHATWG request the same way', async () => {
  const app = echoApp();
  const ok = await app.request('/echo', { method: 'POST', headers: { 'x-tag': 'b' }, body: 'exactly' });
  assert.deepEqual(await ok.json(), { text: 'exactly', type: 'text/plain;charset=UTF-8', tag: 'b' });
  const big = await app.request('/echo', {
    method: 'POST',
    body: chunked('x'.repeat(LIMIT), '!'),
    duplex: 'half',
  } as RequestInit);
  assert.equal(big.status, 413);
});

test('a client that closes the connection mid-body ends the read with BodyIncompleteError', async () => {
  const before = failures.length;
  const { port } = server.address() as AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40\r\n\r\n{"half":');
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.destroy();
  for (let i = 0; i < 100 && failures.length === before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(failures[before] instanceof BodyIncompleteError, String(failures[before]));
});
