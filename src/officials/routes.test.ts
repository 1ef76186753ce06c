import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp, type VozApp } from '../app.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { silentLogger } from '../log.ts';
import { createDirectory } from '../lookup/create-directory.ts';
import { mirrorDirectory, TEST_NOW, testConfig } from '../lookup/testing.ts';
import {
  dataStatusSchema,
  divisionAnswerSchema,
  errorSchema,
  healthSchema,
  officialsAnswerSchema,
  representationAnswerSchema,
} from './api-schemas.ts';
import type { OfficialsApiOptions } from './routes.ts';

let store: TestStore;
let voz: VozApp;
let clock: Awaited<ReturnType<typeof mirrorDirectory>>['clock'];

before(async () => {
  store = await createTestStore('sqlite');
  const loaded = await mirrorDirectory();
  clock = loaded.clock;
  voz = buildApp({
    config: testConfig(),
    db: store.handle,
    directory: loaded.directory,
    clock,
    logger: silentLogger,
  });
});

after(async () => {
  await voz.close();
  await store.dispose();
});

const get = (path: string, headers: Record<string, string> = {}) => voz.app.request(path, { headers });

async function expectError(path: string, status: number, code: string): Promise<string> {
  const res = await get(path);
  assert.equal(res.status, status, `${path} → ${res.status}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = errorSchema.parse(await res.json());
  assert.equal(body.error.code, code, path);
  assert.ok(body.error.message.length > 10);
  return body.error.message;
}

describe('GET /api/v1/officials', () => {
  test('answers a ZIP with JSON that matches the published schema, an ETag and Cache-Control', async () => {
    const res = await get('/api/v1/officials?zip=94110');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
    assert.match(res.headers.get('etag') ?? '', /^"[A-Za-z0-9_-]+"$/);
    const body = officialsAnswerSchema.parse(await res.json());
    assert.equal(body.confidence, 'exact');
    assert.equal(body.state, 'CA');
  });

  test('answers 304 to a matching If-None-Match, and 200 to a stale one', async () => {
    const first = await get('/api/v1/officials?zip=90210');
    const etag = first.headers.get('etag')!;
    const again = await get('/api/v1/officials?zip=90210', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), '');
    const weak = await get('/api/v1/officials?zip=90210', { 'if-none-match': `"other", W/${etag}` });
    assert.equal(weak.status, 304);
    const stale = await get('/api/v1/officials?zip=90210', { 'if-none-match': '"stale"' });
    assert.equal(stale.status, 200);
  });

  test('the ETag follows the answer: another ZIP differs, a ZIP+4 of the same ZIP matches', async () => {
    const a = (await get('/api/v1/officials?zip=94110')).headers.get('etag');
    const b = (await get('/api/v1/officials?zip=10001')).headers.get('etag');
    const c = (await get('/api/v1/officials?zip=94110-1234')).headers.get('etag');
    assert.notEqual(a, b);
    assert.equal(a, c);
  });

  test('a cached answer is refreshed when a term end passes', async () => {
    clock.set('2026-10-01T12:00:00Z');
    const before = await get('/api/v1/officials?state=OH');
    const beforeBody = officialsAnswerSchema.parse(await before.json());
    clock.set(TEST_NOW);
    const afterRes = await get('/api/v1/officials?state=OH');
    const afterBody = officialsAnswerSchema.parse(await afterRes.json());
    assert.notEqual(before.headers.get('etag'), afterRes.headers.get('etag'));
    const flagged = (b: typeof afterBody) => b.representations.filter((r) => r.mayBeOutOfDate).map((r) => r.seat.id);
    assert.ok(!flagged(beforeBody).includes('senate:oh:3'));
    assert.ok(flagged(afterBody).includes('senate:oh:3'));
  });

  test('answers a split ZIP, a state, a district and a point', async () => {
    const split = officialsAnswerSchema.parse(await (await get('/api/v1/officials?zip=90210')).json());
    assert.equal(split.confidence, 'zip_spans_districts');
    assert.equal(split.candidates.length, 3);
    const state = officialsAnswerSchema.parse(await (await get('/api/v1/officials?state=Nueva%20York')).json());
    assert.equal(state.state, 'NY');
    const district = officialsAnswerSchema.parse(await (await get('/api/v1/officials?district=CA-14')).json());
    assert.equal(district.representations.find((r) => r.seat.chamber === 'house')?.vacant, true);
    const point = await get('/api/v1/officials?lat=37.7599&lon=-122.4148');
    assert.equal(point.status, 200);
    assert.match(point.headers.get('cache-control') ?? '', /private/, 'a location is not for shared caches');
    assert.equal(officialsAnswerSchema.parse(await point.json()).confidence, 'exact');
  });

  test('accepts coordinates with any number of decimals, as devices print them', async () => {
    const res = await get('/api/v1/officials?lat=37.774929500000014&lon=-122.41941550000001');
    assert.equal(res.status, 200);
    assert.equal(officialsAnswerSchema.parse(await res.json()).query.value, '37.77493,-122.419416');
    assert.match(await expectError(`/api/v1/officials?lat=37.${'7'.repeat(60)}&lon=1`, 400, 'invalid_query'), /long/);
  });

  test('real ZIPs that are not ZCTAs (firm, PO-box, military) answer 200 with unknown_zip', async () => {
    for (const zip of ['20500', '00501', '09001']) {
      const res = await get(`/api/v1/officials?zip=${zip}`);
      assert.equal(res.status, 200);
      assert.equal(officialsAnswerSchema.parse(await res.json()).confidence, 'unknown_zip');
    }
  });

  test('bad input gets a 400 or 404 with a specific message, never a 500', async () => {
    assert.match(await expectError('/api/v1/officials?zip=1234', 400, 'invalid_zip'), /5/);
    assert.match(await expectError('/api/v1/officials?zip=ABCDE', 400, 'invalid_zip'), /digits/);
    assert.match(await expectError('/api/v1/officials?zip=99999', 400, 'invalid_zip'), /99950/);
    assert.match(await expectError('/api/v1/officials?zip=00000', 400, 'invalid_zip'), /00501/);
    await expectError('/api/v1/officials?zip=', 400, 'invalid_zip');
    assert.match(await expectError('/api/v1/officials?lat=91&lon=0', 400, 'invalid_point'), /-90 to 90/);
    await expectError('/api/v1/officials?lat=0&lon=200', 400, 'invalid_point');
    await expectError('/api/v1/officials?lat=abc&lon=1', 400, 'invalid_query');
    await expectError('/api/v1/officials?lat=NaN&lon=1', 400, 'invalid_query');
    assert.match(await expectError('/api/v1/officials?lat=37', 400, 'invalid_query'), /lat and lon/);
    assert.match(await expectError('/api/v1/officials?state=XX', 400, 'invalid_state'), /XX/);
    assert.match(await expectError('/api/v1/officials', 400, 'missing_query'), /zip.*address=/);
    assert.match(await expectError('/api/v1/officials?zipcode=94110', 400, 'invalid_query'), /"zipcode"/);
    assert.match(await expectError('/api/v1/officials?zip=94110&callback=x', 400, 'invalid_query'), /"callback"/);
    assert.match(await expectError('/api/v1/officials?zip=94110&state=CA', 400, 'invalid_query'), /only one/);
    await expectError('/api/v1/officials?zip=94110&zip=10001', 400, 'invalid_query');
    await expectError('/api/v1/officials?district=CA-99', 404, 'unknown_district');
    assert.match(
      await expectError(
        `/api/v1/officials?district=${encodeURIComponent('ocd-division/country:us/state:ca/sldl:999')}`,
        404,
        'unknown_district',
      ),
      /sldl:999/,
    );
    assert.match(await expectError('/api/v1/officials?zip=94110-', 400, 'invalid_zip'), /after the hyphen/);
    await expectError('/api/v1/officials?district=nonsense', 400, 'invalid_district');
    await expectError('/api/v1/officials?lat=0&lon=0', 404, 'outside_districts');
    await expectError('/api/v1/officials?address=1%20Main%20St', 400, 'address_lookup_unavailable');
    await expectError(`/api/v1/officials?zip=${'9'.repeat(10_000)}`, 414, 'uri_too_long');
  });
});

/** The body as the client reads it: decompressed as its Content-Encoding says. */
async function decoded(res: Response): Promise<Buffer> {
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(res.headers.get('content-length'), String(bytes.byteLength), 'Content-Length counts the coded bytes');
  const encoding = res.headers.get('content-encoding');
  return encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
}

describe('compressed answers', () => {
  test('an answer is sent with brotli or gzip as Accept-Encoding allows, the same JSON either way', async () => {
    const url = '/api/v1/officials?zip=60601';
    const identity = await get(url);
    const json = await decoded(identity);
    assert.ok(json.byteLength >= 1024);
    const etags = new Set<string>();
    for (const [acceptEncoding, expected] of [
      [undefined, null],
      ['identity', null],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', null],
      ['*', 'br'],
    ] as const) {
      const res = await get(url, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-encoding'), expected, `Accept-Encoding: ${acceptEncoding}`);
      assert.equal(res.headers.get('vary'), 'Accept-Encoding', 'identity answers vary too');
      assert.match(res.headers.get('cache-control') ?? '', /^public/);
      assert.deepEqual(await decoded(res), json);
      etags.add(res.headers.get('etag')!);
    }
    assert.equal(etags.size, 3, 'one ETag per coding: identity, br, gzip');
    assert.ok(etags.has(identity.headers.get('etag')!));
  });

  test('each coding answers 304 to its own ETag, with that ETag and Vary', async () => {
    const url = '/api/v1/officials?zip=30303';
    const br = await get(url, { 'accept-encoding': 'br' });
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    const identity = await get(url);
    const tagOf = (res: Response) => res.headers.get('etag')!;
    for (const [res, acceptEncoding] of [
      [br, 'br'],
      [gzip, 'gzip'],
      [identity, 'identity'],
    ] as const) {
      const again = await get(url, { 'accept-encoding': acceptEncoding, 'if-none-match': tagOf(res) });
      assert.equal(again.status, 304, acceptEncoding);
      assert.equal(again.headers.get('etag'), tagOf(res));
      assert.equal(again.headers.get('vary'), 'Accept-Encoding');
      assert.equal(await again.text(), '');
    }
    // A tag of one coding does not validate another: the client gets the representation it asked for.
    const other = await get(url, { 'accept-encoding': 'br', 'if-none-match': tagOf(identity) });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('content-encoding'), 'br');
    assert.equal((await get(url, { 'if-none-match': tagOf(br) })).status, 200);
    const listed = await get(url, { 'accept-encoding': 'gzip', 'if-none-match': `${tagOf(br)}, W/${tagOf(gzip)}` });
    assert.equal(listed.status, 304);
    assert.equal(listed.headers.get('etag'), tagOf(gzip));
  });

  test('every endpoint compresses, and a coordinate answer is compressed but stays private', async () => {
    for (const path of ['/api/v1/officials/S000033', '/api/v1/data/status', '/api/v1/openapi.json']) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      assert.equal(res.headers.get('content-encoding'), 'gzip', path);
      JSON.parse((await decoded(res)).toString('utf8'));
    }
    const point = await get('/api/v1/officials?lat=37.7599&lon=-122.4148', { 'accept-encoding': 'br' });
    assert.equal(point.headers.get('content-encoding'), 'br');
    assert.equal(point.headers.get('vary'), 'Accept-Encoding');
    assert.match(point.headers.get('cache-control') ?? '', /^private/);
    assert.equal(officialsAnswerSchema.parse(JSON.parse((await decoded(point)).toString('utf8'))).confidence, 'exact');
  });

  test('errors, a few hundred bytes, are sent as they are', async () => {
    const res = await get('/api/v1/officials?zip=1', { 'accept-encoding': 'br' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-encoding'), null);
    errorSchema.parse(await res.json());
  });
});

describe('GET /api/v1/officials/:id, /api/v1/divisions/:ocdId, /api/v1/data/status', () => {
  test('finds an official by bioguide id and a vacant seat by seat id', async () => {
    const zip = officialsAnswerSchema.parse(await (await get('/api/v1/officials?zip=94110')).json());
    const member = zip.representations.find((r) => r.seat.chamber === 'house')!.official!;
    const res = await get(`/api/v1/officials/${member.id}`);
    assert.equal(res.status, 200);
    assert.equal(representationAnswerSchema.parse(await res.json()).official?.id, member.id);
    const vacancy = representationAnswerSchema.parse(await (await get('/api/v1/officials/house:ca:14')).json());
    assert.equal(vacancy.vacant, true);
    assert.equal(vacancy.official, null);
    await expectError('/api/v1/officials/Z999999', 404, 'unknown_official');
  });

  test('answers a URL-encoded OCD division id', async () => {
    const id = 'ocd-division/country:us/state:ca/cd:12';
    const res = await get(`/api/v1/divisions/${encodeURIComponent(id)}`);
    assert.equal(res.status, 200);
    const body = divisionAnswerSchema.parse(await res.json());
    assert.equal(body.divisionId, id);
    assert.equal(body.representations[0]?.seat.id, 'house:ca:12');
    await expectError(
      `/api/v1/divisions/${encodeURIComponent('ocd-division/country:us/state:ca/cd:99')}`,
      404,
      'unknown_division',
    );
    await expectError('/api/v1/divisions/not-a-division', 400, 'invalid_division');
  });

  test('says when the last good data is served because the data directory failed validation', async () => {
    const { data } = await mirrorDirectory();
    const degraded = {
      message: 'The officials data failed validation (1 problem): Voz is serving the last good data.',
      problems: ['zip-district/zccd.csv: file is missing'],
      lastGoodValidatedAt: '2026-11-27T10:00:00.000Z',
    };
    const directory = createDirectory({ ...data, status: { ...data.status, degraded } }, clock);
    const app = buildApp({ config: testConfig(), db: store.handle, directory, clock, logger: silentLogger });
    try {
      const body = dataStatusSchema.parse(await (await app.app.request('/api/v1/data/status')).json());
      assert.deepEqual(body.degraded, degraded);
      const healthy = dataStatusSchema.parse(await (await get('/api/v1/data/status')).json());
      assert.equal(healthy.degraded, undefined);
      // Still 200 (Voz serves), but monitoring can tell, and every answer says so too.
      const health = await app.app.request('/healthz');
      assert.equal(health.status, 200);
      assert.equal(healthSchema.parse(await health.json()).data, 'degraded');
      assert.equal(healthSchema.parse(await (await get('/healthz')).json()).data, 'current');
      const answer = officialsAnswerSchema.parse(await (await app.app.request('/api/v1/officials?zip=94110')).json());
      assert.equal(answer.data.degraded, true);
    } finally {
      await app.close();
    }
  });

  test('every answer says how old its data is: ZIP, state, official, division, and the health check', async () => {
    const status = dataStatusSchema.parse(await (await get('/api/v1/data/status')).json());
    const expected = { vintage: status.vintage, importedAt: status.importedAt, degraded: false };
    for (const path of [
      '/api/v1/officials?zip=94110',
      '/api/v1/officials?state=TX',
      '/api/v1/officials?lat=38.9&lon=-77.03',
    ]) {
      assert.deepEqual(officialsAnswerSchema.parse(await (await get(path)).json()).data, expected, path);
    }
    assert.deepEqual(
      representationAnswerSchema.parse(await (await get('/api/v1/officials/house:ca:14')).json()).data,
      expected,
    );
    const division = encodeURIComponent('ocd-division/country:us/state:ca/cd:12');
    assert.deepEqual(
      divisionAnswerSchema.parse(await (await get(`/api/v1/divisions/${division}`)).json()).data,
      expected,
    );
    const health = healthSchema.parse(await (await get('/healthz')).json());
    assert.deepEqual(health, { ok: true, data: 'current', vintage: status.vintage, importedAt: status.importedAt });
  });

  test('reports the data vintage, sources and counts without server paths', async () => {
    const res = await get('/api/v1/data/status');
    assert.equal(res.status, 200);
    const raw = (await res.json()) as Record<string, unknown>;
    const body = dataStatusSchema.parse(raw);
    assert.match(body.vintage, /^\d{4}-\d{2}-\d{2}/);
    assert.ok(body.sources.length >= 4);
    assert.equal(raw.dataDir, undefined);
  });
});

describe('GET /api/v1/openapi.json', () => {
  test('is an OpenAPI 3.1 document describing every endpoint and the answer schema', async () => {
    const res = await get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/v1/officials',
      '/api/v1/officials/{id}',
      '/api/v1/divisions/{ocdId}',
      '/api/v1/data/status',
      '/healthz',
    ]) {
      assert.ok(doc.paths[path]?.get.responses['200'], path);
    }
    assert.ok(doc.paths['/api/v1/officials']!.get.responses['400']);
    const confidence = doc.components.schemas.LookupResult?.properties?.confidence as { enum?: string[] };
    assert.ok(confidence.enum?.includes('zip_spans_states'));
    for (const answer of ['OfficialsAnswer', 'RepresentationAnswer', 'DivisionAnswer']) {
      assert.ok(doc.components.schemas[answer]?.properties?.data, `${answer} documents data`);
    }
  });
});

describe('address seam', () => {
  test('an address is answered by the configured resolver and never cached for others', async () => {
    const { officialsApi } = await import('./routes.ts');
    const loaded = await mirrorDirectory();
    let calls = 0;
    const options: OfficialsApiOptions = {
      lookupAddress: async (address) => {
        calls++;
        return loaded.directory.lookupDivisions(['ocd-division/country:us/state:ca/cd:12'], {
          kind: 'address',
          value: address,
        });
      },
    };
    const { routes: api } = officialsApi(
      { config: testConfig(), db: store.handle, directory: loaded.directory, clock, logger: silentLogger },
      options,
    );
    const bodies: string[] = [];
    for (const acceptEncoding of ['identity', 'br']) {
      const res = await api.request('/api/v1/officials?address=1%20Main%20St', {
        headers: { 'accept-encoding': acceptEncoding },
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      assert.equal(res.headers.get('content-encoding'), acceptEncoding === 'br' ? 'br' : null);
      bodies.push((await decoded(res)).toString('utf8'));
    }
    assert.equal(calls, 2);
    assert.equal(bodies[1], bodies[0], 'compressed, the same answer');
  });
});

describe('over a real socket', () => {
  test('the Node adapter path answers 304 to If-None-Match too', async () => {
    const { serve } = await import('@hono/node-server');
    const server = serve({ fetch: voz.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const url = `http://127.0.0.1:${port}/api/v1/officials?zip=02139`;
      // fetch asks for gzip unless told otherwise, and would decompress behind Content-Length's back.
      const identity = { 'accept-encoding': 'identity' };
      const first = await fetch(url, { headers: identity });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('content-length'), String((await first.arrayBuffer()).byteLength));
      const again = await fetch(url, { headers: { ...identity, 'if-none-match': first.headers.get('etag')! } });
      assert.equal(again.status, 304);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
