import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditRow } from './tables.ts';
import type { AuditEntry, FieldChange, User } from './user.ts';

/** The audit trail's SQL: entries in, entries out. */

const toAudit = (row: Selectable<AuditRow>): AuditEntry => ({
  id: Number(row.id),
  userEmail: row.user_email,
  action: row.action,
  campaignId: row.campaign_id === null ? null : Number(row.campaign_id),
  summary: row.summary,
  changes: row.changes ? (JSON.parse(row.changes) as FieldChange[]) : [],
  at: row.at,
});

export interface NewAuditEntry {
  user: User;
  action: string;
  campaignId: number | null;
  summary: string;
  changes?: readonly FieldChange[];
  at: Date;
}

export async function insertAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.user.id,
      user_email: entry.user.email,
      action: entry.action,
      campaign_id: entry.campaignId,
      summary: entry.summary,
      changes: entry.changes && entry.changes.length > 0 ? JSON.stringify(entry.changes) : null,
      at: entry.at.toISOString(),
    })
    .execute();
}

/** Actions about accounts (invitations, roles, passwords) rather than campaigns. */
export const ACCOUNT_ACTION_PREFIXES = ['user.', 'password.'] as const;

/** Newest first: one campaign's entries, the account entries, or all. */
export async function listAudit(
  db: Db,
  filter: { campaignId?: number; accounts?: boolean; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.campaignId !== undefined) query = query.where('campaign_id', '=', filter.campaignId);
  if (filter.accounts) {
    query = query.where((eb) => eb.or(ACCOUNT_ACTION_PREFIXES.map((p) => eb('action', 'like', `${p}%`))));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toAudit);
}

export async function findAudit(db: Db, id: number): Promise<AuditEntry | null> {
  const row = await db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAudit(row) : null;
}
