import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { parseConfig } from '../config.ts';
import { isSecureRequest } from './cookies.ts';
import { isForeignOrigin } from './csrf.ts';

/** What a request says about itself, asked of the real helpers, from a given socket peer. */
async function ask(trustProxy: string, peer: string, headers: Record<string, string>) {
  const config = parseConfig({ TRUST_PROXY: trustProxy, PUBLIC_URL: 'http://localhost:3000' }, '/srv');
  const app = new Hono();
  app.get('/', (c) =>
    c.json({
      secure: isSecureRequest(c, config),
      foreign: isForeignOrigin('https://voz.example.org', c, config),
    }),
  );
  // @hono/node-server hands the socket to handlers as env.incoming.
  const res = await app.request(
    'http://10.0.0.9:3000/',
    { headers },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  return (await res.json()) as { secure: boolean; foreign: boolean };
}

const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'voz.example.org' };

test('forwarded host and scheme are believed only from a trusted proxy', async () => {
  // A list of proxy addresses: only a peer on it speaks for the public host and scheme.
  assert.deepEqual(await ask('10.0.0.5', '10.0.0.5', forwarded), { secure: true, foreign: false });
  assert.deepEqual(await ask('10.0.0.5', '::ffff:10.0.0.5', forwarded), { secure: true, foreign: false });
  assert.deepEqual(await ask('10.0.0.5', '203.0.113.7', forwarded), { secure: false, foreign: true });
  assert.deepEqual(await ask('loopback', '127.0.0.1', forwarded), { secure: true, foreign: false });
  // A number of hops trusts whoever connects, as it does for X-Forwarded-For.
  assert.deepEqual(await ask('1', '203.0.113.7', forwarded), { secure: true, foreign: false });
  // Not behind a proxy: the headers are anyone's to forge.
  assert.deepEqual(await ask('false', '10.0.0.5', forwarded), { secure: false, foreign: true });
});
