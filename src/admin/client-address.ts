import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Config } from '../config.ts';

/**
 * A key for the client that sent a request, for rate limits only: a salted hash of its address, the
 * salt random and kept in memory, so the key can neither be stored usefully nor reversed.
 * Behind a trusted proxy the address is the last hop the proxy appended to X-Forwarded-For
 * (earlier entries are whatever the client chose to send).
 */
const salt = randomBytes(16);

function remoteAddress(c: Context, config: Config): string {
  if (config.trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim());
    const last = hops[hops.length - 1];
    if (last) return last;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export function clientKey(c: Context, config: Config): string {
  return createHash('sha256').update(salt).update(remoteAddress(c, config)).digest('base64url').slice(0, 22);
}
