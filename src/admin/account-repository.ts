import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { UserRole } from '../domain.ts';
import type { InvitationRow, UserRow } from './tables.ts';
import type { Invitation, Session, User } from './user.ts';

/** SQL only: rows in, domain types out, `null` when missing. Hashing happens in the callers. */

const toUser = (row: Pick<Selectable<UserRow>, 'id' | 'email' | 'role' | 'created_at'>): User => ({
  id: Number(row.id),
  email: row.email,
  role: row.role as UserRole,
  createdAt: row.created_at,
});

export async function insertUser(db: Db, user: { email: string; passwordHash: string; role: UserRole }): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({ email: user.email, password_hash: user.passwordHash, role: user.role })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<(User & { passwordHash: string }) | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findPasswordHash(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').select(['id', 'email', 'role', 'created_at']).orderBy('id').execute();
  return rows.map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserById(db: Db, id: number): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function setUserRole(db: Db, id: number, role: UserRole): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

/** Deletes the account; its sessions and invitations go with it (ON DELETE CASCADE). */
export async function deleteUser(db: Db, id: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function insertSession(
  db: Db,
  session: { idHash: string; userId: number; csrfToken: string; expiresAt: string; now: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      last_seen_at: session.now.toISOString(),
    })
    .execute();
}

/**
 * The live session with this id hash and its user: before its absolute end, and used since
 * `idleSince`. A session past either counts as missing.
 */
export async function findSession(db: Db, idHash: string, now: Date, idleSince: Date): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.role',
      'users.created_at',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('sessions.last_seen_at', '>', idleSince.toISOString())
    .executeTakeFirst();
  return row
    ? {
        user: toUser(row),
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        lastSeenAt: row.last_seen_at ?? row.created_at,
      }
    : null;
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Signs a user out everywhere but (optionally) the current session, e.g. after a password change. */
export async function deleteSessionsOfUser(db: Db, userId: number, exceptIdHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) query = query.where('id_hash', '<>', exceptIdHash);
  await query.execute();
}

/** Deletes sessions past their absolute end or idle since `idleSince`. */
export async function deleteExpiredSessions(db: Db, now: Date, idleSince: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleSince.toISOString())]),
    )
    .execute();
}

const toInvitation = (row: Selectable<InvitationRow>): Invitation => ({
  id: Number(row.id),
  email: row.email,
  role: row.role as UserRole,
  invitedBy: Number(row.invited_by),
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
});

export async function insertInvitation(
  db: Db,
  invitation: { tokenHash: string; email: string; role: UserRole; invitedBy: number; expiresAt: string },
): Promise<Invitation> {
  const row = await db
    .insertInto('invitations')
    .values({
      token_hash: invitation.tokenHash,
      email: invitation.email,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInvitation(row);
}

/** An open invitation: not yet accepted and not expired. */
export async function findOpenInvitation(db: Db, tokenHash: string, now: Date): Promise<Invitation | null> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/** The open invitations for one address (normally at most one: a new one replaces the old). */
export async function findOpenInvitationsFor(db: Db, email: string, now: Date): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('id')
    .execute();
  return rows.map(toInvitation);
}

export async function findOpenInvitationById(db: Db, id: number, now: Date): Promise<Invitation | null> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/** Deletes every invitation for an address that nobody accepted; its links stop working. */
export async function deleteUnacceptedInvitationsFor(db: Db, email: string): Promise<void> {
  await db.deleteFrom('invitations').where('email', '=', email).where('accepted_at', 'is', null).execute();
}

/** Deletes an invitation nobody accepted; false when there is none (accepted, or gone). */
export async function deleteUnacceptedInvitation(db: Db, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('invitations')
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function listOpenInvitations(db: Db, now: Date): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('id')
    .execute();
  return rows.map(toInvitation);
}

/** Marks the invitation used; false when another request used it first. */
export async function markInvitationAccepted(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: now.toISOString() })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
