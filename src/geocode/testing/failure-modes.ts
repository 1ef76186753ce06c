import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GeocoderError, type GeocodingProvider } from '../types.ts';
import type { FakeProvider } from './fake-provider.ts';

/**
 * The failure modes every provider client must handle the same way, run against its local fake:
 * a malformed body, a slow answer past the timeout, a 500 retried once within the deadline.
 */
export function testFailureModes(
  label: string,
  setup: { server: () => FakeProvider; client: (timeoutMs: number) => GeocodingProvider; okBody: () => unknown },
): void {
  const failsWith = (failure: string) => (err: unknown) => err instanceof GeocoderError && err.failure === failure;

  test(`${label}: a malformed body is a provider failure`, async () => {
    setup.server().reply({ body: '{"results": [', contentType: 'application/json' });
    await assert.rejects(setup.client(2000).geocode('1 Main St'), failsWith('malformed'));
    setup.server().reply({ body: { unexpected: true } });
    await assert.rejects(setup.client(2000).geocode('1 Main St'), failsWith('malformed'));
  });

  test(`${label}: a slow answer times out once, with no retry past the deadline`, async () => {
    const server = setup.server();
    server.requests.length = 0;
    server.reply({ body: setup.okBody(), delayMs: 2000 });
    await assert.rejects(setup.client(150).geocode('1 Main St'), failsWith('timeout'));
    assert.equal(server.requests.length, 1);
    await server.whenAbandoned();
  });

  test(`${label}: a 500 is retried once, and the retry's answer is used`, async () => {
    const server = setup.server();
    server.requests.length = 0;
    server.reply({ status: 500, body: { error: 'Server Error' } }, { body: setup.okBody() });
    const answer = await setup.client(2000).geocode('1 Main St');
    assert.notEqual(answer.kind, 'no_match');
    assert.equal(server.requests.length, 2);
  });

  test(`${label}: two 500s are a server error`, async () => {
    const server = setup.server();
    server.requests.length = 0;
    server.reply({ status: 503, body: { error: 'Down' } });
    await assert.rejects(setup.client(2000).geocode('1 Main St'), failsWith('server_error'));
    assert.equal(server.requests.length, 2);
  });
}
