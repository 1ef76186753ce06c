import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { UserRole } from '../domain.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  deleteUser,
  findPasswordHash,
  findSession,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  listUsers,
  setPasswordHash,
  setUserRole,
  touchSession,
} from './account-repository.ts';
import { insertAudit } from './audit-repository.ts';
import { hashPassword, passwordProblem, type ScryptParams, verifyAgainstNothing, verifyPassword } from './password.ts';
import { EMAIL_PATTERN, normalizeEmail, type Session, type User } from './user.ts';

/** Account operations: routes and the CLI call these; they hash, the repository stores. */

/**
 * A session ends 12 hours after sign-in whatever happens, and after 2 hours without use before
 * that (OWASP Session Management Cheat Sheet: absolute and idle timeouts), so a workspace left
 * open on a shared computer does not stay signed in all day.
 */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** Use is written at most this often, so reading pages does not turn into a write each time. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** A random secret for a cookie or link, and the hash that is stored in its place. */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export class AccountError extends Error {
  constructor(
    readonly field: 'email' | 'password' | 'role' | 'current',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface AccountDeps {
  db: Db;
  clock: Clock;
  /** Tests pass cheaper parameters; the default is the production cost. */
  scrypt?: ScryptParams;
}

export function checkEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (!EMAIL_PATTERN.test(normalized) || normalized.length > 254) {
    throw new AccountError('email', 'Enter an email address like name@example.org.');
  }
  return normalized;
}

export function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError('password', problem);
}

export async function createUser(
  deps: AccountDeps,
  input: { email: string; password: string; role: UserRole },
): Promise<User> {
  const email = checkEmail(input.email);
  checkPassword(input.password);
  if (await findUserByEmail(deps.db, email))
    throw new AccountError('email', 'An account with this email already exists.');
  return insertUser(deps.db, {
    email,
    role: input.role,
    passwordHash: await hashPassword(input.password, deps.scrypt),
  });
}

/** The user whose email and password match, or null. Takes as long whether or not the account exists. */
export async function checkCredentials(deps: AccountDeps, email: string, password: string): Promise<User | null> {
  const found = await findUserByEmail(deps.db, normalizeEmail(email));
  if (!found) return verifyAgainstNothing(password).then(() => null);
  const { passwordHash, ...user } = found;
  return (await verifyPassword(password, passwordHash)) ? user : null;
}

/** The account's stored password hash (the device cookie's key), or null when there is no account. */
export async function storedPasswordHash(deps: AccountDeps, email: string): Promise<string | null> {
  return (await findUserByEmail(deps.db, normalizeEmail(email)))?.passwordHash ?? null;
}

/** Starts a session; the returned secret goes in the cookie, only its hash in the database. */
export async function startSession(deps: AccountDeps, user: User): Promise<{ sessionId: string; csrfToken: string }> {
  const { secret, hash } = newSecret();
  const csrfToken = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await insertSession(deps.db, { idHash: hash, userId: user.id, csrfToken, expiresAt, now });
  return { sessionId: secret, csrfToken };
}

const idleSince = (now: Date) => new Date(now.getTime() - SESSION_IDLE_MS);

export const readSession = (deps: AccountDeps, sessionId: string): Promise<Session | null> =>
  findSession(deps.db, hashSecret(sessionId), deps.clock.now(), idleSince(deps.clock.now()));

/** Records that the session was used now, unless that was recorded less than a minute ago. */
export async function markSessionUsed(deps: AccountDeps, sessionId: string, session: Session): Promise<void> {
  const now = deps.clock.now();
  if (now.getTime() - Date.parse(session.lastSeenAt) < SESSION_TOUCH_MS) return;
  await touchSession(deps.db, hashSecret(sessionId), now);
}

export const endSession = (deps: AccountDeps, sessionId: string): Promise<void> =>
  deleteSession(deps.db, hashSecret(sessionId));

/** Deletes every session past its absolute or idle end. */
export const deleteEndedSessions = (deps: AccountDeps): Promise<void> =>
  deleteExpiredSessions(deps.db, deps.clock.now(), idleSince(deps.clock.now()));

/**
 * Changes the password and ends every session of the account, this one included, then starts a
 * fresh one for this browser: an id that might have leaked before the change (the reason to
 * change a password, often) is worthless after it (OWASP: renew the session id on any privilege
 * or credential change).
 */
export async function changePassword(
  deps: AccountDeps,
  user: User,
  input: { current: string; next: string },
): Promise<{ sessionId: string; csrfToken: string }> {
  const stored = await findPasswordHash(deps.db, user.id);
  if (!stored || !(await verifyPassword(input.current, stored))) {
    throw new AccountError('current', 'That is not your current password.');
  }
  checkPassword(input.next);
  await setPasswordHash(deps.db, user.id, await hashPassword(input.next, deps.scrypt));
  await deleteSessionsOfUser(deps.db, user.id);
  await insertAudit(deps.db, {
    user,
    action: 'password.change',
    campaignId: null,
    summary: 'changed their password; every session was signed out and this one renewed',
    at: deps.clock.now(),
  });
  return startSession(deps, user);
}

/**
 * Changes another person's role, or removes their access (role null). An owner cannot change or
 * remove themselves here, and the last owner always stays, so the organization never locks itself out.
 */
export async function changeAccess(deps: AccountDeps, by: User, userId: number, role: UserRole | null): Promise<User> {
  const target = await findUserById(deps.db, userId);
  if (!target) throw new AccountError('role', 'There is no such account.');
  if (target.id === by.id) throw new AccountError('role', 'You cannot change your own access; ask another owner.');
  if (target.role === 'owner' && role !== 'owner') {
    const owners = (await listUsers(deps.db)).filter((u) => u.role === 'owner');
    if (owners.length <= 1) throw new AccountError('role', 'The last owner cannot be changed or removed.');
  }
  if (role === null) {
    await deleteUser(deps.db, target.id);
  } else {
    await setUserRole(deps.db, target.id, role);
    // A changed role takes effect at once: sessions read the role from the account on each request.
  }
  await insertAudit(deps.db, {
    user: by,
    action: role === null ? 'user.remove' : 'user.role',
    campaignId: null,
    summary: role === null ? `removed ${target.email}` : `${target.email}: ${target.role} → ${role}`,
    changes: [{ field: 'role', before: target.role, after: role }],
    at: deps.clock.now(),
  });
  return { ...target, role: role ?? target.role };
}
