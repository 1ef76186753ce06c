import net from 'node:net';

/**
 * Which address a request comes from, for rate limits and repeat detection (never stored).
 *
 * Behind reverse proxies the socket's peer is the nearest proxy, and each proxy appends the
 * address it received from to X-Forwarded-For. Entries to the left of the ones trusted proxies
 * appended were written by the client and can be forged (RFC 7239 §5.2 describes the same for
 * Forwarded), so the client is the right-most address not added by a trusted proxy.
 */
export type ProxyTrust =
  /** Not behind a proxy: the socket's peer is the client; X-Forwarded-For is ignored. */
  | { kind: 'none' }
  /** This many proxies in front (nginx: 1; a CDN and nginx: 2), whoever connects. */
  | { kind: 'hops'; hops: number }
  /** Proxies by address: only a peer in these ranges is believed, and only its entries. */
  | { kind: 'ranges'; ranges: readonly string[] };

/** Names for the usual ranges, as in Express's `trust proxy`. */
export const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** `[2001:db8::1]:443`, `203.0.113.9:5000`, `::ffff:203.0.113.9` → the bare address, mapped IPv4 unwrapped. */
export function normalizeAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return address.toLowerCase();
}

/** Parses `10.0.0.0/8`, `2001:db8::/32` or a single address; null if it is none of them. */
export function parseRange(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [raw, prefixText, ...extra] = entry.trim().split('/');
  if (raw === undefined || extra.length > 0) return null;
  const address = normalizeAddress(raw);
  const version = net.isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export function trustedList(ranges: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of ranges) {
    for (const item of NAMED_RANGES[entry] ?? [entry]) {
      const range = parseRange(item);
      if (!range) throw new Error(`not an address or range: ${item}`);
      list.addSubnet(range.address, range.prefix, range.family);
    }
  }
  return list;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const version = net.isIP(address);
  return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's peer (null under `app.request` in tests) and the
 * X-Forwarded-For header, read as `trust` says.
 */
export function resolveClientAddress(
  peer: string | null,
  forwardedFor: string | undefined,
  trust: ProxyTrust,
  list: net.BlockList | null = trust.kind === 'ranges' ? trustedList(trust.ranges) : null,
): string | null {
  const socket = peer === null ? null : normalizeAddress(peer);
  if (trust.kind === 'none') return socket;
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((entry) => normalizeAddress(entry))
    .filter((entry) => entry !== '');
  // Nearest first: the peer, then what each proxy in turn says it received from.
  const chain = [socket, ...forwarded.reverse()];
  if (trust.kind === 'hops') {
    // The peer is the first hop; past the last entry there is nothing better than the furthest.
    return chain[Math.min(trust.hops, chain.length - 1)] ?? null;
  }
  for (const address of chain) {
    if (address === null || !list || !isTrusted(list, address)) return address;
  }
  return chain[chain.length - 1] ?? null;
}

/**
 * What clients are told apart by. An IPv6 host usually holds a whole /64 (RFC 4291 §2.5.4 fixes
 * interface ids at 64 bits, and SLAAC and privacy addresses rotate within it), so one supporter
 * could otherwise take a fresh address, and a fresh budget, for every request.
 */
export function clientKeySource(raw: string | null): string {
  if (raw === null) return 'unknown';
  const address = normalizeAddress(raw);
  if (net.isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  let text = address.split('%')[0]!;
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const ipv4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4) {
    const [a, b, c, d] = ipv4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => group.padStart(4, '0'));
}

/** A warning for the operator when the trust setting lets anyone who reaches the port choose their address. */
export function proxyTrustWarning(trust: ProxyTrust, host: string): string | null {
  if (trust.kind !== 'hops' || host === '127.0.0.1' || host === '::1' || host === 'localhost') return null;
  return (
    `TRUST_PROXY=${trust.hops} believes X-Forwarded-For from anyone who connects, and HOST=${host} is reachable ` +
    'from other machines: a client that skips the proxy can choose its address. List the proxies instead ' +
    '(TRUST_PROXY=10.0.0.5,loopback) or bind HOST=127.0.0.1.'
  );
}
