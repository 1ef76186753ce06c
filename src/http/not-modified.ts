import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { outgoingOf } from './node-request.ts';

/**
 * Sends a route's 304 with exactly the headers the route gave it. @hono/node-server gives every
 * Response without a Content-Type `text/plain; charset=UTF-8`, 304s included, and a cache takes a
 * 304's headers as updates to the response it keeps (RFC 9111 §4.3.4): the counter's JSON, an
 * officials answer or a stylesheet would be relabelled as text. Under the Node adapter the 304 is
 * written to Node's response here; the adapter is told it was sent, and the status stays 304 for
 * the request log. Under `app.request()` (tests) the Response is left as it is.
 */
export function sendNotModifiedAsIs(c: Context): void {
  const outgoing = outgoingOf(c);
  if (c.res.status !== 304 || outgoing === null || outgoing.headersSent) return;
  const headers: Record<string, string> = {};
  c.res.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(304, headers).end();
  c.res = new Response(null, { status: 304, headers: RESPONSE_ALREADY_SENT.headers });
}
