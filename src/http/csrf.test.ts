import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { parseConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { CSRF_COOKIE, type CsrfEnv, csrfProtection } from './csrf.ts';
import { handleError } from './error-handler.tsx';

function makeApp(env: Record<string, string> = {}) {
  const app = new Hono<CsrfEnv>();
  app.use(csrfProtection(parseConfig(env, '/srv')));
  app.get('/form', (c) => c.text(c.get('csrfToken')));
  app.post('/form', async (c) => c.text(`ok ${(await c.req.parseBody()).name}`));
  app.onError(handleError(silentLogger));
  return app;
}

async function getToken(app: Hono<CsrfEnv>) {
  const res = await app.request('/form');
  const cookie = res.headers.get('set-cookie') ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  return { token: await res.text(), cookie: cookie.split(';')[0]! };
}

test('a form post with the cookie and the matching field is accepted, and the route still reads the body', async () => {
  const app = makeApp();
  const { token, cookie } = await getToken(app);
  const res = await app.request('/form', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, name: 'Ana' }).toString(),
  });
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ok Ana');
});

test('a post without the token, with a wrong token, or without the cookie is refused with 403', async () => {
  const app = makeApp();
  const { token, cookie } = await getToken(app);
  const form = (fields: Record<string, string>, headers: Record<string, string>) =>
    app.request('/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  assert.equal((await form({ name: 'x' }, { cookie })).status, 403);
  assert.equal((await form({ _csrf: `${token.slice(1)}A`, name: 'x' }, { cookie })).status, 403);
  assert.equal((await form({ _csrf: token }, {})).status, 403);
});

test('a post from another origin is refused even with a valid token', async () => {
  const app = makeApp();
  const { token, cookie } = await getToken(app);
  const res = await app.request('http://localhost/form', {
    method: 'POST',
    headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token }).toString(),
  });
  assert.equal(res.status, 403);
});

test('the token cookie is reused, not re-issued, on later pages', async () => {
  const app = makeApp();
  const { token, cookie } = await getToken(app);
  const res = await app.request('/form', { headers: { cookie } });
  assert.equal(await res.text(), token);
  assert.equal(res.headers.get('set-cookie'), null);
  assert.ok(cookie.startsWith(`${CSRF_COOKIE}=`));
});

test('behind a proxy that sends no X-Forwarded-Host, a form from PUBLIC_URL is accepted', async () => {
  const app = makeApp({ TRUST_PROXY: 'true', PUBLIC_URL: 'https://voz.example.org' });
  const { token, cookie } = await getToken(app);
  // The proxy forwards to Voz's own address; only PUBLIC_URL says what the browser saw.
  const post = (origin: string) =>
    app.request('http://10.0.0.5:3000/form', {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, name: 'Ana' }).toString(),
    });
  assert.equal((await post('https://voz.example.org')).status, 200);
  // The same host over plain HTTP, or a look-alike, is another site.
  assert.equal((await post('http://voz.example.org')).status, 403);
  assert.equal((await post('https://voz.example.org.evil.example')).status, 403);
});

test('a malformed Origin header is refused as another site with a clear message, not a server error', async () => {
  const app = makeApp();
  const { token, cookie } = await getToken(app);
  for (const origin of ['garbage', 'https://localhost/form', 'javascript:alert(1)', '']) {
    const res = await app.request('http://localhost/form', {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token }).toString(),
    });
    assert.equal(res.status, 403, origin);
    assert.match(await res.text(), /sent from another site/, origin);
  }
  // A sandboxed frame sends "null": it is not proof of another site, so the token decides.
  const sandboxed = await app.request('http://localhost/form', {
    method: 'POST',
    headers: { cookie, origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, name: 'Ana' }).toString(),
  });
  assert.equal(sandboxed.status, 200);
});
