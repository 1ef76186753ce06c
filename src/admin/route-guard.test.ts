import assert from 'node:assert/strict';
import { testEachDialect } from '../db/testing.ts';
import { isPublicAdminPath } from './session.ts';
import { Agent, signedIn, testApp } from './testing.ts';

/**
 * Walks every route the application registers (Hono's `app.routes`), so a route added later is
 * checked without anyone remembering to add it here:
 * - no /admin route answers an anonymous request, except the login and invitation pages;
 * - no unsafe (POST, PUT, PATCH, DELETE) route outside the JSON API accepts a request without the
 *   CSRF token, signed in or not.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_MESSAGE = /This form has expired or came from another site/;

/** A concrete path for a route pattern: `:id` becomes 1, `*` becomes x, regex params are dropped. */
const concrete = (pattern: string) =>
  pattern
    .replace(/:[A-Za-z0-9_]+(\{[^}]*\})?\??/g, '1')
    .replace(/\*/g, 'x')
    .replace(/\/+$/, '') || '/';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

function registeredRoutes(app: ReturnType<typeof testApp>['app']) {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

testEachDialect('every /admin route refuses anonymous requests except sign-in and invitations', async (store) => {
  const { app } = testApp(store);
  const routes = registeredRoutes(app).filter((r) => r.path === '/admin' || r.path.startsWith('/admin/'));
  // Not vacuous: the workspace's main routes are among those checked.
  for (const expected of ['GET /admin', 'POST /admin/logout', 'GET /admin/account', 'POST /admin/invitations']) {
    assert.ok(
      routes.some((r) => `${r.method} ${r.path}` === expected),
      `${expected} is registered`,
    );
  }
  const anonymous = new Agent(app);
  await anonymous.request('/admin/login'); // a CSRF cookie, so refusals are about the session
  for (const route of routes) {
    const path = concrete(route.path);
    if (isPublicAdminPath(path)) continue;
    const res = UNSAFE.has(route.method)
      ? await anonymous.post(path, {})
      : await anonymous.request(path, { method: route.method });
    if (route.method === 'GET' && res.status === 303) {
      assert.match(res.headers.get('location') ?? '', /^\/admin\/login\?next=/, `${route.method} ${route.path}`);
    } else {
      assert.equal(res.status, 401, `${route.method} ${route.path} answered ${res.status}`);
    }
  }
});

testEachDialect('no unsafe page route accepts a request without the CSRF token', async (store) => {
  const { app } = testApp(store);
  const routes = registeredRoutes(app).filter((r) => UNSAFE.has(r.method) && !isApi(r.path));
  assert.ok(routes.length >= 4, `found ${routes.length} unsafe page routes`);
  const owner = await signedIn(app, store, 'owner');
  const anonymous = new Agent(app);
  await anonymous.request('/admin/login');
  for (const route of routes) {
    const path = concrete(route.path);
    for (const [who, agent] of [
      ['signed in', owner],
      ['anonymous', anonymous],
    ] as const) {
      // The cookie is there, the field is not: exactly what a cross-site form post looks like.
      const res = await agent.request(path, {
        method: route.method,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=a%40example.org',
      });
      assert.equal(res.status, 403, `${route.method} ${route.path} (${who}) answered ${res.status}`);
      assert.match(await res.text(), CSRF_MESSAGE, `${route.method} ${route.path} (${who})`);
    }
  }
});
