import type net from 'node:net';
import type { Context } from 'hono';
import { normalizeAddress, type ProxyTrust, trustedList } from './client-address.ts';

/** The socket's peer address when served by @hono/node-server; null under `app.request` in tests. */
export function socketAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

const lists = new WeakMap<ProxyTrust, net.BlockList>();

/**
 * Whether the X-Forwarded-Host and X-Forwarded-Proto of this request may be believed (for the
 * CSRF origin check, Secure cookies and links): they come from the nearest proxy, so under
 * TRUST_PROXY=<hops> from whoever connects, as X-Forwarded-For is, and under a list of proxy
 * addresses only when the peer is one of them. Anyone else could claim any host or scheme.
 */
export function isFromTrustedProxy(c: Context, trust: ProxyTrust): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'hops') return true;
  const peer = socketAddress(c);
  if (peer === null) return false;
  let list = lists.get(trust);
  if (!list) {
    list = trustedList(trust.ranges);
    lists.set(trust, list);
  }
  const address = normalizeAddress(peer);
  return list.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
}
