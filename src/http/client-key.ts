import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Clock } from '../clock.ts';

/**
 * A key that tells clients apart for rate limits and repeat detection without keeping their IP
 * address: an HMAC of the address under a random salt that lives only in this process's memory
 * and is replaced at each UTC midnight. Yesterday's keys cannot be recomputed by anyone, and no
 * key is ever written to disk or to the logs.
 */
export interface ClientKeyer {
  /** The client's key for today; `null` address (unknown) maps to one shared key. */
  keyFor(address: string | null): string;
  /** The key of the client making this request. */
  keyOf(c: Context): string;
}

export interface ClientKeyOptions {
  clock: Clock;
  /** Read the client address from X-Forwarded-For (set only behind a reverse proxy you run). */
  trustProxy: boolean;
}

/** The socket's peer address when served by @hono/node-server; null under `app.request` in tests. */
function socketAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/**
 * With a trusted proxy, the right-most X-Forwarded-For entry is the one that proxy appended: the
 * address it saw. Entries to its left were sent by the client and can be forged (RFC 7239 §5.2
 * describes the same for Forwarded). One proxy hop is assumed.
 */
export function forwardedAddress(header: string | undefined): string | null {
  if (!header) return null;
  const parts = header.split(',');
  const last = parts[parts.length - 1]?.trim();
  return last ? last : null;
}

export function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = forwardedAddress(c.req.header('x-forwarded-for'));
    if (forwarded) return forwarded;
  }
  return socketAddress(c);
}

export function createClientKeyer(options: ClientKeyOptions): ClientKeyer {
  let day = '';
  let salt: Buffer = Buffer.alloc(0);
  const keyFor = (address: string | null): string => {
    const today = options.clock.now().toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      salt = randomBytes(32);
    }
    return createHmac('sha256', salt)
      .update(address ?? 'unknown')
      .digest('base64url')
      .slice(0, 22);
  };
  return { keyFor, keyOf: (c) => keyFor(clientAddress(c, options.trustProxy)) };
}

const keyers = new WeakMap<object, ClientKeyer>();

/**
 * One keyer per application instance, so the actions API, the pages and the admin logins agree
 * on a client's key: `clientKeyerFor(deps)` with the AppDeps buildApp received.
 */
export function clientKeyerFor(deps: { clock: Clock; config: { trustProxy: boolean } }): ClientKeyer {
  let keyer = keyers.get(deps);
  if (!keyer) {
    keyer = createClientKeyer({ clock: deps.clock, trustProxy: deps.config.trustProxy });
    keyers.set(deps, keyer);
  }
  return keyer;
}
