import { isUniqueViolation } from '../campaigns/campaign-repository.ts';
import type { UserRole } from '../domain.ts';
import {
  deleteUnacceptedInvitation,
  deleteUnacceptedInvitationsFor,
  findOpenInvitation,
  findOpenInvitationById,
  findOpenInvitationsFor,
  findUserByEmail,
  findUserById,
  insertInvitation,
  insertUser,
  markInvitationAccepted,
} from './account-repository.ts';
import { type AccountDeps, AccountError, checkEmail, checkPassword, hashSecret, newSecret } from './accounts.ts';
import { insertAudit } from './audit-repository.ts';
import { hashPassword } from './password.ts';
import type { Invitation, User } from './user.ts';

/**
 * Invitations: an owner invites an address with a role; the link (a secret, stored hashed) lets
 * that person choose a password once. There is at most one open invitation per address: a new
 * one replaces the last, so two links can never disagree about the role. Each change to the
 * invitations and the account it creates happens in one transaction.
 */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const ACCOUNT_EXISTS = 'An account with this email already exists.';

/** Creates an invitation, replacing any open one for the address; the token goes in the link. */
export async function invite(
  deps: AccountDeps,
  by: User,
  input: { email: string; role: UserRole },
): Promise<{ token: string; invitation: Invitation; replaced: Invitation[] }> {
  const email = checkEmail(input.email);
  const { secret, hash } = newSecret();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
  return deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw new AccountError('email', ACCOUNT_EXISTS);
    const replaced = await findOpenInvitationsFor(trx, email, now);
    await deleteUnacceptedInvitationsFor(trx, email);
    const invitation = await insertInvitation(trx, {
      tokenHash: hash,
      email,
      role: input.role,
      invitedBy: by.id,
      expiresAt,
    });
    const previous = replaced.map((i) => i.role).join(', ');
    await insertAudit(trx, {
      user: by,
      action: 'user.invite',
      campaignId: null,
      summary: `invited ${email} as ${input.role}${previous ? ` (replacing the open invitation as ${previous})` : ''}`,
      changes: [
        { field: 'email', before: null, after: email },
        { field: 'role', before: previous || null, after: input.role },
      ],
      at: now,
    });
    return { token: secret, invitation, replaced };
  });
}

export const findInvitation = (deps: AccountDeps, token: string): Promise<Invitation | null> =>
  findOpenInvitation(deps.db, hashSecret(token), deps.clock.now());

/**
 * Turns an open invitation into an account with the chosen password; each link works once. The
 * invitation is marked accepted and the account created in one transaction, so an account that
 * cannot be created (the address has one already) leaves the invitation as it was. Null when the
 * link is not (or no longer) open.
 */
export async function acceptInvitation(deps: AccountDeps, token: string, password: string): Promise<User | null> {
  const opened = await findInvitation(deps, token);
  if (!opened) return null;
  checkPassword(password);
  // Hashing is slow on purpose; do it before the transaction holds the store.
  const passwordHash = await hashPassword(password, deps.scrypt);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const invitation = await findOpenInvitation(trx, hashSecret(token), now);
      if (!invitation || !(await markInvitationAccepted(trx, invitation.id, now))) return null;
      if (await findUserByEmail(trx, invitation.email)) throw new AccountError('email', ACCOUNT_EXISTS);
      const user = await insertUser(trx, { email: invitation.email, role: invitation.role, passwordHash });
      const inviter = await findUserById(trx, invitation.invitedBy);
      await insertAudit(trx, {
        user,
        action: 'user.join',
        campaignId: null,
        summary: `joined as ${user.role}${inviter ? `, invited by ${inviter.email}` : ''}`,
        changes: [{ field: 'role', before: null, after: user.role }],
        at: now,
      });
      return user;
    });
  } catch (err) {
    // Two links for one address accepted at the same moment: the users table's unique email decides.
    if (isUniqueViolation(err)) throw new AccountError('email', ACCOUNT_EXISTS);
    throw err;
  }
}

/** Withdraws an open invitation: its link stops working. False when it was accepted or is gone. */
export async function revokeInvitation(deps: AccountDeps, by: User, id: number): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const invitation = await findOpenInvitationById(trx, id, now);
    if (!invitation || !(await deleteUnacceptedInvitation(trx, id))) return false;
    await insertAudit(trx, {
      user: by,
      action: 'user.revoke',
      campaignId: null,
      summary: `revoked the invitation of ${invitation.email} as ${invitation.role}`,
      changes: [{ field: 'role', before: invitation.role, after: null }],
      at: now,
    });
    return true;
  });
}
