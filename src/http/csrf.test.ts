import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { parseConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { CSRF_COOKIE, type CsrfEnv, csrfProtection } from './csrf.ts';
import { handleError } from './error-handler.tsx';

function makeApp() {
  const app = new Hono<CsrfEnv>();
  app.use(csrfProtection(parseConfig({}, '/srv')));
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
