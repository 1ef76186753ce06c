import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * The hot endpoints read headers and bodies from Node's own request, when @hono/node-server serves
 * the app, instead of through `c.req`. Reading a body through `c.req` makes the adapter build a
 * full WHATWG Request, with its ReadableStream and AbortSignal; on Node 20 that costs more CPU than
 * all of Voz's own work for an action report (a bare Hono POST route measured 394 µs of CPU per
 * request that way, 139 µs reading the IncomingMessage). Under `app.request()` in tests there is no
 * IncomingMessage, and the same functions read the WHATWG Request instead.
 */
export function incomingOf(c: Context): IncomingMessage | null {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming ?? null;
}

/** Node's response for the same request, under @hono/node-server; null under `app.request()`. */
export function outgoingOf(c: Context): ServerResponse | null {
  return (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing ?? null;
}

/** A request header by its lower-case name; repeated headers joined with ", " as Fetch's Headers does. */
export function headerOf(c: Context, name: string): string | undefined {
  const incoming = incomingOf(c);
  return incoming ? incomingHeader(incoming, name) : c.req.header(name);
}

/** The same, from Node's request itself. */
export function incomingHeader(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Thrown when the client closes the connection before its body ended: nothing to answer, nothing broken. */
export class BodyIncompleteError extends Error {
  constructor() {
    super('the client closed the connection before the body ended');
    this.name = 'BodyIncompleteError';
  }
}

/** Thrown when a body is larger than the limit it is read with. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The request body as text, refusing one over `maxBytes`: from its Content-Length before reading
 * anything, else (chunked) as soon as the bytes read pass the limit, so an oversized body is never
 * held in memory whole.
 */
export async function readBodyText(c: Context, maxBytes: number): Promise<string> {
  const incoming = incomingOf(c);
  if (incoming) return readIncomingText(incoming, maxBytes);
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) throw new BodyTooLargeError(maxBytes);
  return (await readStream(c.req.raw.body, maxBytes)).toString('utf8');
}

/** The same, for a request the server handles without Hono (actions/report-listener.ts). */
export async function readIncomingText(incoming: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = incoming.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) throw new BodyTooLargeError(maxBytes);
  return (await readIncoming(incoming, maxBytes)).toString('utf8');
}

/**
 * Stops listening past the limit instead of destroying the request, which would close the socket
 * before the 413 is sent; Node discards the rest of the body once the answer has gone.
 */
function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (err: Error | null) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) settle(new BodyTooLargeError(maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(null);
    const onClose = () => settle(new BodyIncompleteError());
    // Node reports a connection closed mid-body as an 'aborted' ECONNRESET on the request.
    const onError = (err: NodeJS.ErrnoException) => settle(err.code === 'ECONNRESET' ? new BodyIncompleteError() : err);
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

async function readStream(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks, size);
}
