import type { Generated } from 'kysely';

/**
 * Organizer accounts. Secrets are never stored as given: session ids and invitation tokens are kept
 * as SHA-256 hashes, passwords as salted scrypt hashes with their parameters.
 */
export interface UserRow {
  id: Generated<number>;
  /** Lower-cased; unique. */
  email: string;
  password_hash: string;
  role: string;
  created_at: Generated<string>;
}

export interface SessionRow {
  /** SHA-256 (hex) of the random id in the cookie. */
  id_hash: string;
  user_id: number;
  /** Bound to the session at sign-in: unsafe requests must echo it (see session.ts). */
  csrf_token: string;
  created_at: Generated<string>;
  /** The absolute end (SESSION_TTL_MS after sign-in); the idle end follows from last_seen_at. */
  expires_at: string;
  /** Written at sign-in and on use (at most once a minute); null only before the 2026-12-03 migration ran. */
  last_seen_at: string | null;
}

export interface InvitationRow {
  id: Generated<number>;
  token_hash: string;
  email: string;
  role: string;
  invited_by: number;
  created_at: Generated<string>;
  expires_at: string;
  accepted_at: string | null;
}

export interface AuditRow {
  id: Generated<number>;
  user_id: number | null;
  /** Kept as written at the time, so the trail survives a renamed or deleted account. */
  user_email: string;
  action: string;
  campaign_id: number | null;
  summary: string;
  /** JSON: FieldChange[] with the old and new values in full; null when no field changed. */
  changes: string | null;
  at: string;
}

export interface AccountTables {
  users: UserRow;
  sessions: SessionRow;
  invitations: InvitationRow;
  audit_log: AuditRow;
}
