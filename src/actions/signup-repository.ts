import type { Db } from '../db/database.ts';

/** SQL only. Emails are stored lower-cased (see signup.ts). */

/** Every table that holds a supporter's details, for erasing them after a delete. */
export const SIGNUP_TABLES = ['signups', 'signup_consents'] as const;

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
  /** The latest consent given again, if the supporter signed up more than once. */
  renewed: { consentText: string; createdAt: string } | null;
}

/**
 * The first signup for a campaign and email is stored whole. A later one changes none of it: the
 * name, the consent text and its time stay as first given, so the record of what was agreed to
 * is never lost. It adds a consent record (the text shown now, and when), and fills in a ZIP code
 * the first signup left out. Returns which of the two happened.
 */
export async function upsertSignup(db: Db, signup: NewSignup): Promise<'created' | 'renewed'> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('signups')
      .values({
        campaign_id: signup.campaignId,
        name: signup.name,
        email: signup.email,
        zip: signup.zip,
        consent_text: signup.consentText,
        created_at: signup.createdAt,
      })
      .onConflict((oc) => oc.columns(['campaign_id', 'email']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return 'created';
    const existing = await trx
      .selectFrom('signups')
      .select('id')
      .where('campaign_id', '=', signup.campaignId)
      .where('email', '=', signup.email)
      .executeTakeFirstOrThrow();
    if (signup.zip !== null) {
      await trx
        .updateTable('signups')
        .set({ zip: signup.zip })
        .where('id', '=', existing.id)
        .where('zip', 'is', null)
        .execute();
    }
    await trx
      .insertInto('signup_consents')
      .values({ signup_id: existing.id, consent_text: signup.consentText, created_at: signup.createdAt })
      .execute();
    return 'renewed';
  });
}

export async function listSignups(db: Db, filter: { campaignId?: number } = {}): Promise<SignupRecord[]> {
  let query = db
    .selectFrom('signups')
    .innerJoin('campaigns', 'campaigns.id', 'signups.campaign_id')
    .leftJoin('signup_consents', (join) =>
      join.onRef('signup_consents.signup_id', '=', 'signups.id').on('signup_consents.id', '=', (eb) =>
        eb
          .selectFrom('signup_consents as later')
          .select((e) => e.fn.max('later.id').as('id'))
          .whereRef('later.signup_id', '=', 'signups.id'),
      ),
    )
    .select([
      'signups.id',
      'signups.campaign_id',
      'campaigns.slug',
      'signups.name',
      'signups.email',
      'signups.zip',
      'signups.consent_text',
      'signups.created_at',
      'signup_consents.consent_text as renewed_text',
      'signup_consents.created_at as renewed_at',
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
    renewed:
      r.renewed_text !== null && r.renewed_at !== null
        ? { consentText: r.renewed_text, createdAt: r.renewed_at }
        : null,
  }));
}

/** Deletes every signup with this (lower-cased) email, across campaigns, and its consents; returns how many. */
export async function deleteSignupsByEmail(db: Db, email: string): Promise<number> {
  const result = await db.deleteFrom('signups').where('email', '=', email).executeTakeFirst();
  return Number(result.numDeletedRows);
}
