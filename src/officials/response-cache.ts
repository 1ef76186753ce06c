import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * Serialised API answers, kept as bytes with their headers, so a repeated request costs a Map
 * lookup and one write: no JSON.stringify, no hashing, no header objects built per request.
 */
export interface CachedResponse {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  /** Complete header objects: the Node adapter writes them as they are. */
  readonly headers: Readonly<Record<string, string>>;
  readonly notModifiedHeaders: Readonly<Record<string, string>>;
  /** The directory revision the answer was computed at; a newer revision makes it stale. */
  readonly revision: number;
}

/** Shared caches (a CDN) may keep answers about public places for an hour; the data changes rarely. */
export const PUBLIC_CACHE = 'public, max-age=3600, stale-while-revalidate=86400';
/** A coordinate or an address says where someone is: only their own browser may keep the answer. */
export const PRIVATE_CACHE = 'private, max-age=3600';

const encoder = new TextEncoder();

export function cachedResponse(json: string, cacheControl: string, revision: number): CachedResponse {
  const body = encoder.encode(json);
  // A strong validator (RFC 9110 §8.8.3): the hash of the exact bytes, so it changes with the data,
  // the query and the out-of-date flags alike, and every worker derives the same one.
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  return {
    body,
    etag,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.byteLength),
      'cache-control': cacheControl,
      etag,
    },
    notModifiedHeaders: { 'cache-control': cacheControl, etag },
    revision,
  };
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

export function respond(entry: CachedResponse, ifNoneMatch: string | undefined): Response {
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, entry.etag)) {
    return new Response(null, { status: 304, headers: entry.notModifiedHeaders });
  }
  return new Response(entry.body, { status: 200, headers: entry.headers });
}

/** The same answer as `respond`, written straight to Node's response: the same status, headers and bytes. */
export function writeCached(res: ServerResponse, entry: CachedResponse, ifNoneMatch: string | undefined): void {
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, entry.etag)) {
    res.writeHead(304, entry.notModifiedHeaders).end();
    return;
  }
  res.writeHead(200, entry.headers).end(entry.body);
}

/** Least-recently-used map bounded by the bytes of the bodies it holds. */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.byteLength;
      this.entries.delete(key);
    }
    if (entry.body.byteLength > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.bytes -= oldest.body.byteLength;
    }
  }
}
