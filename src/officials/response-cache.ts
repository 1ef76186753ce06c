import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type ContentCoding, codedEtag, compress, MIN_COMPRESSED_BYTES } from '../http/content-encoding.ts';
import { matchesEtag } from '../http/etag.ts';

/**
 * Serialised API answers, kept as bytes with their headers, so a repeated request costs a Map
 * lookup and one write: no JSON.stringify, no hashing, no header objects built per request.
 */

/** One representation of an answer: its bytes, its validator and the headers sent with them. */
export interface Representation {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  /** Complete header objects: the Node adapter writes them as they are. */
  readonly headers: Readonly<Record<string, string>>;
  readonly notModifiedHeaders: Readonly<Record<string, string>>;
}

/** An answer as JSON (identity), with the content-coded representations made of it so far. */
export interface CachedResponse extends Representation {
  /** The directory revision the answer was computed at; a newer revision makes it stale. */
  readonly revision: number;
  /** At least MIN_COMPRESSED_BYTES: offered compressed, so every representation carries Vary. */
  readonly compressible: boolean;
  /** Made the first time a request asks for each coding (`representationOf`), then kept. */
  br?: Representation;
  gzip?: Representation;
}

/** Shared caches (a CDN) may keep answers about public places for an hour; the data changes rarely. */
export const PUBLIC_CACHE = 'public, max-age=3600, stale-while-revalidate=86400';
/** A coordinate or an address says where someone is: only their own browser may keep the answer. */
export const PRIVATE_CACHE = 'private, max-age=3600';

/**
 * RFC 9110 §12.5.5: the representation chosen depends on Accept-Encoding, so a shared cache must
 * not hand a brotli body to a client that asked for none, nor the reverse. Sent with every
 * representation of a compressible answer, identity and 304s included.
 */
const VARY = 'Accept-Encoding';

const encoder = new TextEncoder();

export function cachedResponse(json: string, cacheControl: string, revision: number): CachedResponse {
  const body = encoder.encode(json);
  // A strong validator (RFC 9110 §8.8.3): the hash of the exact bytes, so it changes with the data,
  // the query and the out-of-date flags alike, and every worker derives the same one.
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  const compressible = body.byteLength >= MIN_COMPRESSED_BYTES;
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.byteLength),
    'cache-control': cacheControl,
    etag,
  };
  const notModifiedHeaders: Record<string, string> = { 'cache-control': cacheControl, etag };
  if (compressible) headers.vary = notModifiedHeaders.vary = VARY;
  return { body, etag, headers, notModifiedHeaders, revision, compressible };
}

/**
 * The representation of `entry` for a coding pickEncoding chose (null: identity). A small answer
 * is always sent as it is. The coded body is made once, on the first request that asks for it,
 * and kept on the entry; a cached entry's should be made through `ResponseCache.representation`,
 * which counts its bytes.
 */
export function representationOf(entry: CachedResponse, coding: ContentCoding | null): Representation {
  if (coding === null || !entry.compressible) return entry;
  const made = entry[coding] ?? encode(entry, coding);
  entry[coding] = made;
  return made;
}

function encode(entry: CachedResponse, coding: ContentCoding): Representation {
  // A copy of exactly its size: zlib's result is a slice of a 16 KiB output buffer, which the
  // cache would otherwise keep alive whole while counting only the slice.
  const body = new Uint8Array(compress(entry.body, coding));
  const etag = codedEtag(entry.etag, coding);
  const cacheControl = entry.headers['cache-control']!;
  return {
    body,
    etag,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': coding,
      'content-length': String(body.byteLength),
      'cache-control': cacheControl,
      etag,
      vary: VARY,
    },
    notModifiedHeaders: { 'cache-control': cacheControl, etag, vary: VARY },
  };
}

/**
 * The answer as a Fetch Response. A 304 carries the representation's ETag, Cache-Control and Vary
 * (RFC 9110 §15.4.5) and nothing else (http/not-modified.ts keeps the Node adapter from adding a
 * Content-Type).
 */
export function respond(representation: Representation, ifNoneMatch: string | undefined): Response {
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, representation.etag)) {
    return new Response(null, { status: 304, headers: representation.notModifiedHeaders });
  }
  return new Response(representation.body, { status: 200, headers: representation.headers });
}

/** The same answer as `respond`, written straight to Node's response: the same status, headers and bytes. */
export function writeCached(
  res: ServerResponse,
  representation: Representation,
  ifNoneMatch: string | undefined,
): void {
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, representation.etag)) {
    res.writeHead(304, representation.notModifiedHeaders).end();
    return;
  }
  res.writeHead(200, representation.headers).end(representation.body);
}

/** The bytes an entry holds: its body and the coded bodies made of it. */
function sizeOf(entry: CachedResponse): number {
  return entry.body.byteLength + (entry.br?.body.byteLength ?? 0) + (entry.gzip?.body.byteLength ?? 0);
}

/** Least-recently-used map bounded by the bytes of the bodies it holds, coded ones included. */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private held = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of the bodies held, counted against the bound. */
  get bytes(): number {
    return this.held;
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
      this.held -= sizeOf(old);
      this.entries.delete(key);
    }
    const size = sizeOf(entry);
    if (size > this.maxBytes) return;
    this.entries.set(key, entry);
    this.held += size;
    this.evictPastBound();
  }

  /**
   * `representationOf` for the entry kept under `key`: a coded body made now is counted against
   * the bound, and may push older answers out. Identity, or a body made before, costs nothing.
   */
  representation(key: string, entry: CachedResponse, coding: ContentCoding | null): Representation {
    if (coding === null || !entry.compressible) return entry;
    const made = entry[coding];
    if (made) return made;
    const coded = representationOf(entry, coding);
    if (this.entries.get(key) === entry) {
      this.held += coded.body.byteLength;
      this.evictPastBound();
    }
    return coded;
  }

  private evictPastBound(): void {
    for (const [oldestKey, oldest] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.held -= sizeOf(oldest);
    }
  }
}
