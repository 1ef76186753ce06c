import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { listOpenInvitations } from './account-repository.ts';
import { type AccountError, checkCredentials, createUser } from './accounts.ts';
import { listAudit } from './audit-repository.ts';
import { acceptInvitation, findInvitation, INVITATION_TTL_MS, invite, revokeInvitation } from './invitations.ts';
import { Agent, signedIn, testApp } from './testing.ts';

const scrypt = { N: 1024, r: 8, p: 1 };

async function setUp(handle: { db: Parameters<typeof createUser>[0]['db'] }) {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const deps = { db: handle.db, clock, scrypt };
  const owner = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'owner' });
  return { clock, deps, owner };
}

testEachDialect('an invitation link creates the account once and expires after a week', async ({ handle }) => {
  const { clock, deps, owner } = await setUp(handle);
  const { token } = await invite(deps, owner, { email: 'Bea@example.org', role: 'viewer' });
  const stored = await handle.db.selectFrom('invitations').select('token_hash').executeTakeFirstOrThrow();
  assert.notEqual(stored.token_hash, token);
  assert.equal((await findInvitation(deps, token))?.email, 'bea@example.org');
  await assert.rejects(acceptInvitation(deps, token, 'short'), (err: AccountError) => err.field === 'password');
  const bea = await acceptInvitation(deps, token, 'bea chose this');
  assert.equal(bea?.role, 'viewer');
  assert.equal(await acceptInvitation(deps, token, 'bea chose this'), null);
  assert.ok(await checkCredentials(deps, 'bea@example.org', 'bea chose this'));

  const late = await invite(deps, owner, { email: 'cai@example.org', role: 'editor' });
  clock.advance(INVITATION_TTL_MS + 1);
  assert.equal(await acceptInvitation(deps, late.token, 'cai chose this'), null);
  await assert.rejects(invite(deps, owner, { email: 'bea@example.org', role: 'owner' }), /already exists/);
});

testEachDialect(
  'inviting an address again replaces its open invitation, so only the new link works',
  async ({ handle }) => {
    const { deps, owner } = await setUp(handle);
    const asEditor = await invite(deps, owner, { email: 'bea@example.org', role: 'editor' });
    const asOwner = await invite(deps, owner, { email: 'bea@example.org', role: 'owner' });
    assert.deepEqual(
      asOwner.replaced.map((i) => i.role),
      ['editor'],
    );
    assert.deepEqual(
      (await listOpenInvitations(handle.db, deps.clock.now())).map((i) => [i.email, i.role]),
      [['bea@example.org', 'owner']],
    );
    assert.equal(await findInvitation(deps, asEditor.token), null);
    assert.equal(await acceptInvitation(deps, asEditor.token, 'bea chose this'), null);
    assert.equal((await acceptInvitation(deps, asOwner.token, 'bea chose this'))?.role, 'owner');
    assert.deepEqual(await listOpenInvitations(handle.db, deps.clock.now()), []);
    const [join, second] = await listAudit(handle.db, { accounts: true });
    assert.equal(join?.action, 'user.join');
    assert.equal(second?.summary, 'invited bea@example.org as owner (replacing the open invitation as editor)');
  },
);

testEachDialect('an account made meanwhile for the address leaves the invitation untouched', async ({ handle }) => {
  const { deps, owner } = await setUp(handle);
  const { token } = await invite(deps, owner, { email: 'bea@example.org', role: 'viewer' });
  await createUser(deps, { email: 'bea@example.org', password: 'made by the CLI', role: 'editor' });
  await assert.rejects(acceptInvitation(deps, token, 'bea chose this'), (err: AccountError) =>
    /already exists/.test(err.message),
  );
  const row = await handle.db.selectFrom('invitations').select('accepted_at').executeTakeFirstOrThrow();
  assert.equal(row.accepted_at, null, 'accepted only if the account was created');
  assert.ok(await checkCredentials(deps, 'bea@example.org', 'made by the CLI'));
});

testEachDialect('one link used twice at the same moment makes one account', async ({ handle }) => {
  const { deps, owner } = await setUp(handle);
  const { token } = await invite(deps, owner, { email: 'bea@example.org', role: 'viewer' });
  const results = await Promise.allSettled([
    acceptInvitation(deps, token, 'first try here'),
    acceptInvitation(deps, token, 'second try here'),
  ]);
  const made = results.filter((r) => r.status === 'fulfilled' && r.value !== null);
  assert.equal(made.length, 1, JSON.stringify(results.map((r) => r.status)));
  const users = await handle.db.selectFrom('users').select('email').where('email', '=', 'bea@example.org').execute();
  assert.equal(users.length, 1);
});

testEachDialect('an owner revokes an open invitation; its link stops working', async ({ handle }) => {
  const { deps, owner } = await setUp(handle);
  const { token, invitation } = await invite(deps, owner, { email: 'bea@example.org', role: 'editor' });
  assert.equal(await revokeInvitation(deps, owner, invitation.id), true);
  assert.equal(await findInvitation(deps, token), null);
  assert.equal(await revokeInvitation(deps, owner, invitation.id), false);
  assert.equal(
    (await listAudit(handle.db, { accounts: true }))[0]?.summary,
    'revoked the invitation of bea@example.org as editor',
  );
});

testEachDialect('the People page lists open invitations with a revoke button, for owners only', async (store) => {
  const { app } = testApp(store);
  const owner = await signedIn(app, store, 'owner');
  await owner.post('/admin/invitations', { email: 'bea@example.org', role: 'editor' });
  const second = await owner.post('/admin/invitations', { email: 'bea@example.org', role: 'owner' });
  const html = await second.text();
  assert.match(html, /This replaces the open invitation of bea@example\.org as editor: that link no longer works\./);
  const link = new URL(/<code>([^<]+)<\/code>/.exec(html)![1]!).pathname;
  const revoke = /<form method="post" action="(\/admin\/invitations\/\d+\/revoke)">/.exec(html)?.[1];
  assert.ok(revoke);
  assert.equal([...html.matchAll(/\/revoke"/g)].length, 1, 'one open invitation for the address');

  const viewer = await signedIn(app, store, 'viewer');
  assert.equal((await viewer.post(revoke)).status, 403);
  const done = await owner.post(revoke);
  assert.equal(done.status, 303);
  assert.match(await (await owner.request(done.headers.get('location')!)).text(), /Invitation revoked/);
  assert.equal((await new Agent(app).request(link)).status, 404);
  assert.equal((await owner.post(revoke)).status, 404);
});
