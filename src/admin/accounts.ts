import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { UserRole } from '../domain.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  deleteUser,
  findPasswordHash,
  findSession,
  findUserByEmail,
  findUserById,
  insertAudit,
  insertSession,
  insertUser,
  listUsers,
  setPasswordHash,
  setUserRole,
} from './account-repository.ts';
import { hashPassword, passwordProblem, type ScryptParams, verifyAgainstNothing, verifyPassword } from './password.ts';
import { EMAIL_PATTERN, normalizeEmail, type Session, type User } from './user.ts';

/** Account operations: routes and the CLI call these; they hash, the repository stores. */

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

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

/** Starts a session; the returned secret goes in the cookie, only its hash in the database. */
export async function startSession(deps: AccountDeps, user: User): Promise<{ sessionId: string; csrfToken: string }> {
  const { secret, hash } = newSecret();
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_TTL_MS).toISOString();
  await insertSession(deps.db, { idHash: hash, userId: user.id, csrfToken, expiresAt });
  return { sessionId: secret, csrfToken };
}

export const readSession = (deps: AccountDeps, sessionId: string): Promise<Session | null> =>
  findSession(deps.db, hashSecret(sessionId), deps.clock.now());

export const endSession = (deps: AccountDeps, sessionId: string): Promise<void> =>
  deleteSession(deps.db, hashSecret(sessionId));

/** Changes the password and signs the user out of every other session. */
export async function changePassword(
  deps: AccountDeps,
  user: User,
  input: { current: string; next: string; sessionId: string },
): Promise<void> {
  const stored = await findPasswordHash(deps.db, user.id);
  if (!stored || !(await verifyPassword(input.current, stored))) {
    throw new AccountError('current', 'That is not your current password.');
  }
  checkPassword(input.next);
  await setPasswordHash(deps.db, user.id, await hashPassword(input.next, deps.scrypt));
  await deleteSessionsOfUser(deps.db, user.id, hashSecret(input.sessionId));
  await insertAudit(deps.db, {
    user,
    action: 'password.change',
    campaignId: null,
    summary: 'changed their password; their other sessions were signed out',
    at: deps.clock.now(),
  });
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
