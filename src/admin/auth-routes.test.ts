import assert from 'node:assert/strict';
import { insertCampaign } from '../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { SESSION_TTL_MS } from './accounts.ts';
import { SESSION_COOKIE } from './session.ts';
import { Agent, addUser, signedIn, testApp } from './testing.ts';

testEachDialect('signing in sets an HttpOnly, SameSite=Lax session cookie and opens the workspace', async (store) => {
  const { app } = testApp(store);
  await addUser(store, 'ana@example.org', 'owner');
  const agent = new Agent(app);
  assert.equal(
    (await agent.request('/admin/campaigns')).headers.get('location'),
    '/admin/login?next=%2Fadmin%2Fcampaigns',
  );
  const res = await agent.post('/admin/login', {
    email: 'ana@example.org',
    password: 'a long password',
    next: '/admin/account',
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin/account');
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Path=\/admin/);
  assert.doesNotMatch(cookie, /Secure/);
  const page = await agent.request('/admin/account');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Signed in as ana@example\.org \(owner\)/);
});

testEachDialect('the session cookie is Secure behind HTTPS', async (store) => {
  const { app } = testApp(store);
  await addUser(store, 'ana@example.org', 'owner');
  const get = await app.request('https://voz.example/admin/login');
  const csrf = /voz_csrf=([^;]+)/.exec(get.headers.get('set-cookie') ?? '')![1]!;
  const res = await app.request('https://voz.example/admin/login', {
    method: 'POST',
    headers: { cookie: `voz_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: 'ana@example.org', password: 'a long password' }).toString(),
  });
  assert.equal(res.status, 303);
  assert.match(res.headers.getSetCookie().find((c) => c.startsWith(SESSION_COOKIE)) ?? '', /; Secure/);
});

testEachDialect('a wrong password and an unknown email get the same answer', async (store) => {
  const { app } = testApp(store);
  await addUser(store, 'ana@example.org', 'owner');
  const agent = new Agent(app);
  const wrong = await agent.post('/admin/login', { email: 'ana@example.org', password: 'not the password' });
  const unknown = await agent.post('/admin/login', { email: 'nobody@example.org', password: 'not the password' });
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  const message = (html: string) => /<p class="alert" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
  const a = message(await wrong.text());
  assert.ok(a);
  assert.equal(message(await unknown.text()), a);
  assert.equal(agent.cookies.has(SESSION_COOKIE), false);
});

/** Behind a trusted proxy, so each agent can speak from its own address. */
const fromAddress = (address: string) => ({ 'x-forwarded-for': address });

testEachDialect(
  'failures lock the guessing address out of an account, with a message that does not reveal whether it exists',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock, env: { TRUST_PROXY: 'true' } });
    await addUser(store, 'ana@example.org', 'owner');
    const attacker = new Agent(app, fromAddress('203.0.113.9'));
    const lockedAnswer = async (email: string) => {
      for (let i = 0; i < 5; i++) await attacker.post('/admin/login', { email, password: `guess number ${i}` });
      return attacker.post('/admin/login', { email, password: 'a long password' });
    };
    const real = await lockedAnswer('ana@example.org');
    assert.equal(real.status, 429);
    assert.ok(Number(real.headers.get('retry-after')) > 0);
    const realText = /role="alert">([^<]*)</.exec(await real.text())?.[1];
    assert.match(realText ?? '', /Too many sign-in attempts/);
    const ghost = await lockedAnswer('ghost@example.org');
    assert.equal(ghost.status, 429);
    assert.equal(/role="alert">([^<]*)</.exec(await ghost.text())?.[1], realText);

    // The owner, elsewhere, is not locked out by someone else's failures.
    const owner = new Agent(app, fromAddress('198.51.100.7'));
    await owner.signIn('ana@example.org', 'a long password');

    // The guesser's lock lifts when the window passes.
    clock.advance(15 * 60 * 1000 + 1000);
    await attacker.signIn('ana@example.org', 'a long password');
  },
);

testEachDialect(
  'guessing from many addresses holds new browsers, but not one the owner signed in from before',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock, env: { TRUST_PROXY: 'true' } });
    await addUser(store, 'ana@example.org', 'owner');
    const laptop = new Agent(app, fromAddress('198.51.100.7'));
    await laptop.signIn('ana@example.org', 'a long password');
    assert.ok(laptop.cookies.has('voz_device'), 'the laptop is now a known device');
    await laptop.post('/admin/logout');

    // A botnet: twenty addresses, five guesses each, the per-address limit.
    for (let bot = 0; bot < 20; bot++) {
      const agent = new Agent(app, fromAddress(`203.0.113.${bot + 1}`));
      for (let i = 0; i < 5; i++)
        await agent.post('/admin/login', { email: 'ana@example.org', password: `guess ${i}` });
    }
    const stranger = new Agent(app, fromAddress('192.0.2.50'));
    assert.equal(
      (await stranger.post('/admin/login', { email: 'ana@example.org', password: 'a long password' })).status,
      429,
    );
    await laptop.signIn('ana@example.org', 'a long password');
    // A forged device cookie is no help.
    const forger = new Agent(app, fromAddress('192.0.2.51'));
    forger.cookies.set(
      'voz_device',
      laptop.cookies.get('voz_device')!.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')),
    );
    assert.equal(
      (await forger.post('/admin/login', { email: 'ana@example.org', password: 'a long password' })).status,
      429,
    );
  },
);

testEachDialect('sign-in only redirects inside the workspace', async (store) => {
  const { app } = testApp(store);
  await addUser(store, 'ana@example.org', 'owner');
  for (const next of ['//evil.example/admin', 'https://evil.example/', '/admin/../x', '/elsewhere']) {
    const agent = new Agent(app);
    const res = await agent.post('/admin/login', { email: 'ana@example.org', password: 'a long password', next });
    assert.equal(res.headers.get('location'), '/admin', next);
  }
});

testEachDialect('signing in returns to the page asked for, query included', async (store) => {
  const { app } = testApp(store);
  await addUser(store, 'ana@example.org', 'owner');
  const agent = new Agent(app);
  const asked = await agent.request('/admin/campaigns/1/preview?zip=94110&lang=es');
  const login = new URL(asked.headers.get('location') ?? '', 'http://localhost');
  assert.equal(login.pathname, '/admin/login');
  const next = login.searchParams.get('next') ?? '';
  assert.equal(next, '/admin/campaigns/1/preview?zip=94110&lang=es');
  assert.match(await (await agent.request(login.pathname + login.search)).text(), /name="next" value="[^"]*zip=94110/);
  const res = await agent.post('/admin/login', { email: 'ana@example.org', password: 'a long password', next });
  assert.equal(res.headers.get('location'), '/admin/campaigns/1/preview?zip=94110&lang=es');
  // A query cannot smuggle another destination in.
  for (const bad of ['//evil.example/admin?x=1', '/elsewhere?next=/admin']) {
    const other = new Agent(app);
    const answer = await other.post('/admin/login', {
      email: 'ana@example.org',
      password: 'a long password',
      next: bad,
    });
    assert.equal(answer.headers.get('location'), '/admin', bad);
  }
});

testEachDialect('the current-password check is limited like sign-in, with the same lockout', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  const agent = await signedIn(app, store, 'editor');
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await agent.post('/admin/account/password', {
      current: `guess ${i}`,
      password: 'a brand new password',
    });
    statuses.push(res.status);
  }
  assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
  // Locked, even the right password waits, and is not changed.
  const locked = await agent.post('/admin/account/password', {
    current: 'a long password',
    password: 'a brand new password',
  });
  assert.equal(locked.status, 429);
  assert.ok(Number(locked.headers.get('retry-after')) > 0);
  assert.match(await locked.text(), /Too many sign-in attempts\. Wait 15 minute\(s\) and try again\./);
  clock.advance(15 * 60 * 1000 + 1000);
  const ok = await agent.post('/admin/account/password', {
    current: 'a long password',
    password: 'a brand new password',
  });
  assert.equal(ok.status, 303);
});

testEachDialect('signing out ends the session on the server', async (store) => {
  const { app } = testApp(store);
  const agent = await signedIn(app, store, 'editor');
  const stolen = agent.cookies.get(SESSION_COOKIE)!;
  const res = await agent.post('/admin/logout');
  assert.equal(res.status, 303);
  assert.equal(agent.cookies.has(SESSION_COOKIE), false);
  const replay = await app.request('http://localhost/admin/account', {
    headers: { cookie: `${SESSION_COOKIE}=${stolen}` },
  });
  assert.equal(replay.status, 303);
  assert.match(replay.headers.get('location') ?? '', /^\/admin\/login/);
});

testEachDialect('a session stops working when it expires', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  const agent = await signedIn(app, store, 'viewer');
  assert.equal((await agent.request('/admin/account')).status, 200);
  clock.advance(SESSION_TTL_MS + 1);
  assert.equal((await agent.request('/admin/account')).status, 303);
});

testEachDialect('a CSRF token from before sign-in does not work after it', async (store) => {
  const { app } = testApp(store);
  await addUser(store, 'ana@example.org', 'owner');
  const agent = new Agent(app);
  await agent.request('/admin/login');
  const before = agent.csrf;
  await agent.signIn('ana@example.org', 'a long password');
  assert.notEqual(agent.csrf, before);
  // A cookie planted by an attacker (e.g. from a sibling subdomain) with a matching field is refused.
  agent.cookies.set('voz_csrf', before);
  const res = await agent.post('/admin/invitations', { email: 'x@example.org', role: 'viewer' });
  assert.equal(res.status, 403);
});

testEachDialect('an owner invites a viewer, who joins through the link once', async (store) => {
  const { app } = testApp(store);
  const owner = await signedIn(app, store, 'owner');
  const res = await owner.post('/admin/invitations', { email: 'bea@example.org', role: 'viewer' });
  assert.equal(res.status, 201);
  const link = /<code>([^<]+)<\/code>/.exec(await res.text())?.[1];
  assert.ok(link);
  const path = new URL(link).pathname;

  const bea = new Agent(app);
  const form = await bea.request(path);
  assert.equal(form.status, 200);
  assert.match(await form.text(), /bea@example\.org/);
  const short = await bea.post(path, { password: 'short' });
  assert.equal(short.status, 400);
  assert.match(await short.text(), /At least 10|at least 10/);
  const joined = await bea.post(path, { password: 'bea picked this' });
  assert.equal(joined.status, 303);
  assert.match(await (await bea.request('/admin/account')).text(), /bea@example\.org \(viewer\)/);
  assert.equal((await new Agent(app).request(path)).status, 404);

  // A viewer cannot invite anyone.
  assert.equal((await bea.post('/admin/invitations', { email: 'c@example.org', role: 'owner' })).status, 403);
  assert.equal((await bea.request('/admin/users')).status, 403);
});

testEachDialect('changing the password signs out other devices', async (store) => {
  const { app } = testApp(store);
  const here = await signedIn(app, store, 'editor');
  const there = new Agent(app);
  await there.signIn('editor@example.org', 'a long password');
  const bad = await here.post('/admin/account/password', {
    current: 'nope nope nope',
    password: 'a brand new password',
  });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /not your current password/);
  const ok = await here.post('/admin/account/password', {
    current: 'a long password',
    password: 'a brand new password',
  });
  assert.equal(ok.status, 303);
  assert.equal((await here.request('/admin/account')).status, 200);
  assert.equal((await there.request('/admin/account')).status, 303);
});

testEachDialect('an owner changes a role or removes access, effective at once, and not their own', async (store) => {
  const { app } = testApp(store);
  const owner = await signedIn(app, store, 'owner');
  const editor = await signedIn(app, store, 'editor');
  const people = await (await owner.request('/admin/users')).text();
  const editorId = /action="\/admin\/users\/(\d+)\/access"[^>]*>(?:(?!<\/form>).)*editor@example\.org/s.exec(
    people,
  )?.[1];
  assert.ok(editorId);
  assert.equal((await editor.request('/admin/campaigns/new')).status, 200);
  assert.equal((await owner.post(`/admin/users/${editorId}/access`, { access: 'viewer' })).status, 303);
  assert.equal((await editor.request('/admin/campaigns/new')).status, 403);
  assert.equal((await editor.post(`/admin/users/${editorId}/access`, { access: 'owner' })).status, 403);
  assert.equal((await owner.post(`/admin/users/${editorId}/access`, { access: 'remove' })).status, 303);
  assert.equal((await editor.request('/admin/account')).status, 303);
  const ownerId = (
    await store.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'owner@example.org')
      .executeTakeFirstOrThrow()
  ).id;
  const self = await owner.post(`/admin/users/${ownerId}/access`, { access: 'viewer' });
  assert.equal(self.status, 400);
  assert.match(await self.text(), /cannot change your own access/);
  assert.equal((await owner.post(`/admin/users/${ownerId}/access`, { access: 'admin' })).status, 400);
});

testEachDialect('a malformed Origin header on a form is refused as cross-site, never a server error', async (store) => {
  const { app } = testApp(store);
  await insertCampaign(store.handle.db, sampleCampaignInput(), fixedClock('2026-03-01T12:00:00Z').now());
  const agent = new Agent(app);
  await agent.request('/admin/login');
  for (const path of ['/admin/login', '/c/fund-legal-aid/signup']) {
    const res = await agent.request(path, {
      method: 'POST',
      headers: { origin: 'garbage', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: agent.csrf, email: 'ana@example.org', password: 'x' }).toString(),
    });
    assert.equal(res.status, 403, path);
    assert.match(await res.text(), /sent from another site/, path);
  }
});

testEachDialect(
  'changing the password gives this browser a new session id; the old one stops working',
  async (store) => {
    const { app } = testApp(store);
    const agent = await signedIn(app, store, 'editor');
    const old = agent.cookies.get(SESSION_COOKIE)!;
    const oldCsrf = agent.csrf;
    const res = await agent.post('/admin/account/password', {
      current: 'a long password',
      password: 'a brand new password',
    });
    assert.equal(res.status, 303);
    assert.notEqual(agent.cookies.get(SESSION_COOKIE), old);
    assert.notEqual(agent.csrf, oldCsrf);
    assert.match(await (await agent.request(res.headers.get('location')!)).text(), /Password changed/);
    const replay = await app.request('http://localhost/admin/account', {
      headers: { cookie: `${SESSION_COOKIE}=${old}` },
    });
    assert.equal(replay.status, 303);
  },
);

testEachDialect('two idle hours sign out; pages keep the session alive, dashboard polls do not', async (store) => {
  const clock = fixedClock('2026-03-01T08:00:00Z');
  const { app } = testApp(store, { clock });
  const reader = await signedIn(app, store, 'viewer');
  const watcher = new Agent(app);
  await watcher.signIn('viewer@example.org', 'a long password');
  for (let i = 0; i < 3; i++) {
    clock.advance(60 * 60 * 1000);
    assert.equal((await reader.request('/admin/campaigns')).status, 200);
    const poll = await watcher.request('/admin/campaigns', { headers: { 'x-requested-with': 'fetch' } });
    assert.equal(poll.status, i === 0 ? 200 : 401, `poll after ${i + 1} hours`);
  }
  assert.equal(
    (await watcher.request('/admin/campaigns')).headers.get('location'),
    '/admin/login?next=%2Fadmin%2Fcampaigns',
  );
});
