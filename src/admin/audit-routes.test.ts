import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { Agent, signedIn, testApp } from './testing.ts';

const rowsOf = (html: string) =>
  [...html.matchAll(/<tr><td>[^<]+<\/td><td>([^<]+)<\/td><td><strong>([^<]+)<\/strong>: ([^<]*)<\/td>/g)].map((m) => [
    m[1],
    m[2],
    m[3],
  ]);

testEachDialect('owners see account activity: invitations, joins, roles and passwords', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  const owner = await signedIn(app, store, 'owner');
  const invited = await owner.post('/admin/invitations', { email: 'bea@example.org', role: 'viewer' });
  const path = new URL(/<code>([^<]+)<\/code>/.exec(await invited.text())![1]!).pathname;
  clock.advance(60_000);
  const bea = new Agent(app);
  assert.equal((await bea.post(path, { password: 'bea picked this' })).status, 303);
  clock.advance(60_000);
  const beaId = (
    await store.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'bea@example.org')
      .executeTakeFirstOrThrow()
  ).id;
  assert.equal((await owner.post(`/admin/users/${beaId}/access`, { access: 'editor' })).status, 303);
  clock.advance(60_000);
  await owner.post('/admin/account/password', { current: 'a long password', password: 'a newer long password' });

  const page = await owner.request('/admin/activity');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.deepEqual(rowsOf(html), [
    [
      'owner@example.org',
      'password.change',
      'changed their password; every session was signed out and this one renewed',
    ],
    ['owner@example.org', 'user.role', 'bea@example.org: viewer → editor'],
    ['bea@example.org', 'user.join', 'joined as viewer, invited by owner@example.org'],
    ['owner@example.org', 'user.invite', 'invited bea@example.org as viewer'],
  ]);
  assert.match(html, /<a href="\/admin\/activity">Account activity<\/a>/);

  // The role change's own page shows the role before and after.
  // The password change has no field values; the first link is the role change.
  const roleEntry = /<a href="(\/admin\/audit\/\d+)"/.exec(html)![1]!;
  const detail = await (await owner.request(roleEntry)).text();
  assert.match(
    detail,
    /<th scope="row">Role<\/th><td><div class="value">viewer<\/div><\/td><td><div class="value">editor<\/div><\/td>/,
  );

  // Editors see neither the list nor an account entry.
  assert.equal((await bea.request('/admin/activity')).status, 403);
  assert.equal((await bea.request(roleEntry)).status, 403);
  assert.doesNotMatch(await (await bea.request('/admin/campaigns')).text(), /Account activity/);
});
