import type { UserRole } from '../domain.ts';

export const USER_ROLES: readonly UserRole[] = ['owner', 'editor', 'viewer'];
export const isUserRole = (value: string): value is UserRole => (USER_ROLES as readonly string[]).includes(value);

/** An organizer account, as routes see it (no password hash). */
export interface User {
  id: number;
  email: string;
  role: UserRole;
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface Invitation {
  id: number;
  email: string;
  role: UserRole;
  invitedBy: number;
  expiresAt: string;
  acceptedAt: string | null;
}

/** One field's value before and after a change; null when it had none (a creation, a deletion). */
export interface FieldChange {
  field: string;
  before: string | string[] | null;
  after: string | string[] | null;
}

export interface AuditEntry {
  id: number;
  userEmail: string;
  action: string;
  campaignId: number | null;
  summary: string;
  changes: FieldChange[];
  at: string;
}

/** Email addresses compare case-insensitively (in practice, though RFC 5321 allows case in the local part). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
