import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { deleteExpiredSessions, listAudit } from './account-repository.ts';
import {
  AccountError,
  changePassword,
  checkCredentials,
  createUser,
  endSession,
  readSession,
  SESSION_TTL_MS,
  startSession,
} from './accounts.ts';

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

testEachDialect('changing the password needs the current one and ends other sessions', async ({ handle }) => {
  const deps = { db: handle.db, clock: fixedClock('2026-03-01T12:00:00Z'), scrypt };
  const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'owner' });
  const here = await startSession(deps, user);
  const elsewhere = await startSession(deps, user);
  await assert.rejects(
    changePassword(deps, user, { current: 'wrong password', next: 'a newer password', sessionId: here.sessionId }),
    (err: AccountError) => err.field === 'current',
  );
  await changePassword(deps, user, { current: 'a long password', next: 'a newer password', sessionId: here.sessionId });
  assert.equal(await checkCredentials(deps, 'ana@example.org', 'a long password'), null);
  assert.ok(await checkCredentials(deps, 'ana@example.org', 'a newer password'));
  assert.ok(await readSession(deps, here.sessionId));
  assert.equal(await readSession(deps, elsewhere.sessionId), null);
  assert.deepEqual(
    (await listAudit(handle.db)).map((e) => [e.action, e.userEmail]),
    [['password.change', 'ana@example.org']],
  );
});

testEachDialect('expired sessions are deleted, live ones kept', async ({ handle }) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const deps = { db: handle.db, clock, scrypt };
  const user = await createUser(deps, { email: 'ana@example.org', password: 'a long password', role: 'editor' });
  await startSession(deps, user);
  clock.advance(SESSION_TTL_MS + 1);
  const fresh = await startSession(deps, user);
  await deleteExpiredSessions(handle.db, clock.now());
  const rows = await handle.db.selectFrom('sessions').select('id_hash').execute();
  assert.equal(rows.length, 1);
  assert.ok(await readSession(deps, fresh.sessionId));
});
