import type { Db } from '../db/database.ts';

/** SQL only. Emails are stored lower-cased (see signup.ts). */

/** Every table that holds a supporter's details, for erasing them after a delete. */
export const SIGNUP_TABLES = ['signups'] as const;

export interface NewSignup {
  campaignId: number;
  name: string;
  email: string;
  zip: string | null;
  consentText: string;
  createdAt: string;
}

export interface SignupRecord extends NewSignup {
  id: number;
  campaignSlug: string;
}

/** A second signup with the same email for the same campaign replaces the first (latest consent wins). */
export async function upsertSignup(db: Db, signup: NewSignup): Promise<void> {
  const values = {
    campaign_id: signup.campaignId,
    name: signup.name,
    email: signup.email,
    zip: signup.zip,
    consent_text: signup.consentText,
    created_at: signup.createdAt,
  };
  await db
    .insertInto('signups')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'email']).doUpdateSet({
        name: values.name,
        zip: values.zip,
        consent_text: values.consent_text,
        created_at: values.created_at,
      }),
    )
    .execute();
}

export async function listSignups(db: Db, filter: { campaignId?: number } = {}): Promise<SignupRecord[]> {
  let query = db
    .selectFrom('signups')
    .innerJoin('campaigns', 'campaigns.id', 'signups.campaign_id')
    .select([
      'signups.id',
      'signups.campaign_id',
      'campaigns.slug',
      'signups.name',
      'signups.email',
      'signups.zip',
      'signups.consent_text',
      'signups.created_at',
    ]);
  if (filter.campaignId !== undefined) query = query.where('signups.campaign_id', '=', filter.campaignId);
  const rows = await query.orderBy('signups.id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    campaignId: Number(r.campaign_id),
    campaignSlug: r.slug,
    name: r.name,
    email: r.email,
    zip: r.zip,
    consentText: r.consent_text,
    createdAt: r.created_at,
  }));
}

/** Deletes every signup with this (lower-cased) email, across campaigns; returns how many. */
export async function deleteSignupsByEmail(db: Db, email: string): Promise<number> {
  const result = await db.deleteFrom('signups').where('email', '=', email).executeTakeFirst();
  return Number(result.numDeletedRows);
}
