import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import {
  AccountError,
  changePassword,
  checkCredentials,
  createUser,
  deleteEndedSessions,
  endSession,
  markSessionUsed,
  readSession,
  SESSION_IDLE_MS,
  SESSION_TTL_MS,
  startSession,
} from './accounts.ts';
import { listAudit } from './audit-repository.ts';

const scrypt = { N: 1024, r: 8, p: 1 };

testEachDialect('a user signs in with the right password only, and emails ignore case', async ({ handle }) => {
  const deps = { db: handle.db, clock: fixedClock('2026-03-01T12:00:00Z'), scrypt };
  const owner = await createUser(deps, { email: 'Ana@Example.org', password: 'a long password', role: 'owner' });
  assert.equal(owner.email, 'ana@example.org');
  assert.equal((await checkCredentials(deps, 'ANA@example.org', 'a long password'))?.id, owner.id);
  assert.equal(await checkCredentials(deps, 'ana@example.org', 'a wrong password'), null);
  assert.equal(await checkCredentials(deps, 'nobody@example.org', 'a long password'), null);
  await assert.rejects(
    createUser(deps, { email: 'ana@example.org', password: 'another password', role: 'editor' }),
    (err: AccountError) => err.field === 'email' && /already exists/.test(err.message),
  );
  await assert.rejects(
    createUser(deps, { email: 'not-an-email', password: 'long enough!', role: 'viewer' }),
    AccountError,
  );
});

testEachDialect('sessions are stored hashed and expire', async ({ handle }) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const deps = { db: handle.db, clock, scrypt };
  const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'editor' });
  const { sessionId, csrfToken } = await startSession(deps, user);
  const rows = await handle.db.selectFrom('sessions').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0]!.id_hash, sessionId);
  const session = await readSession(deps, sessionId);
  assert.equal(session?.user.email, 'ana@example.org');
  assert.equal(session?.csrfToken, csrfToken);
  assert.equal(await readSession(deps, `${sessionId}x`), null);
  clock.advance(SESSION_TTL_MS);
  assert.equal(await readSession(deps, sessionId), null);
});

testEachDialect('logging out ends the session', async ({ handle }) => {
  const deps = { db: handle.db, clock: fixedClock('2026-03-01T12:00:00Z'), scrypt };
  const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'editor' });
  const { sessionId } = await startSession(deps, user);
  await endSession(deps, sessionId);
  assert.equal(await readSession(deps, sessionId), null);
});

testEachDialect(
  'changing the password needs the current one, ends every session and renews this one',
  async ({ handle }) => {
    const deps = { db: handle.db, clock: fixedClock('2026-03-01T12:00:00Z'), scrypt };
    const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'owner' });
    const here = await startSession(deps, user);
    const elsewhere = await startSession(deps, user);
    await assert.rejects(
      changePassword(deps, user, { current: 'wrong password', next: 'a newer password' }),
      (err: AccountError) => err.field === 'current',
    );
    const renewed = await changePassword(deps, user, { current: 'a long password', next: 'a newer password' });
    assert.equal(await checkCredentials(deps, 'ana@example.org', 'a long password'), null);
    assert.ok(await checkCredentials(deps, 'ana@example.org', 'a newer password'));
    assert.equal(await readSession(deps, here.sessionId), null, 'the old id of this browser is worthless');
    assert.equal(await readSession(deps, elsewhere.sessionId), null);
    assert.notEqual(renewed.sessionId, here.sessionId);
    assert.notEqual(renewed.csrfToken, here.csrfToken);
    assert.equal((await readSession(deps, renewed.sessionId))?.user.id, user.id);
    assert.deepEqual(
      (await listAudit(handle.db)).map((e) => [e.action, e.userEmail]),
      [['password.change', 'ana@example.org']],
    );
  },
);

testEachDialect('a session ends after two idle hours, and use keeps it alive up to twelve', async ({ handle }) => {
  const clock = fixedClock('2026-03-01T08:00:00Z');
  const deps = { db: handle.db, clock, scrypt };
  const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'editor' });
  const idle = await startSession(deps, user);
  const busy = await startSession(deps, user);
  // Used every 90 minutes: never idle for two hours.
  for (let i = 0; i < 7; i++) {
    clock.advance(90 * 60 * 1000);
    const session = await readSession(deps, busy.sessionId);
    assert.ok(session, `still signed in after ${(i + 1) * 1.5} hours`);
    await markSessionUsed(deps, busy.sessionId, session);
    if (i === 1) assert.equal(await readSession(deps, idle.sessionId), null, 'idle for three hours: ended');
  }
  // 10.5 hours in; 1.5 hours later the twelve-hour end comes, however busy.
  clock.advance(SESSION_TTL_MS - 10.5 * 60 * 60 * 1000);
  assert.equal(await readSession(deps, busy.sessionId), null);
});

testEachDialect('use is written at most once a minute', async ({ handle }) => {
  const clock = fixedClock('2026-03-01T08:00:00Z');
  const deps = { db: handle.db, clock, scrypt };
  const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'editor' });
  const { sessionId } = await startSession(deps, user);
  const lastSeen = async () =>
    (await handle.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;
  const started = await lastSeen();
  clock.advance(30_000);
  await markSessionUsed(deps, sessionId, (await readSession(deps, sessionId))!);
  assert.equal(await lastSeen(), started);
  clock.advance(31_000);
  await markSessionUsed(deps, sessionId, (await readSession(deps, sessionId))!);
  assert.equal(await lastSeen(), clock.now().toISOString());
});

testEachDialect('ended sessions are deleted, live ones kept', async ({ handle }) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const deps = { db: handle.db, clock, scrypt };
  const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'editor' });
  await startSession(deps, user);
  clock.advance(SESSION_IDLE_MS + 1);
  const fresh = await startSession(deps, user);
  await deleteEndedSessions(deps);
  const rows = await handle.db.selectFrom('sessions').select('id_hash').execute();
  assert.equal(rows.length, 1);
  assert.ok(await readSession(deps, fresh.sessionId));
});
