import type { Generated } from 'kysely';

/**
 * One row per acknowledged report. Deliberately nothing that identifies a supporter: no IP
 * address, name, street address or user agent.
 */
export interface ActionRow {
  id: Generated<number>;
  campaign_id: number;
  /** Seat id (`house:ca:12`), official id (`P000145`) or a campaign's custom target id. */
  target: string;
  channel: string;
  outcome: string;
  state: string;
  /** House district ("12", "0" at-large) or a state legislative district as published; null when none. */
  district: string | null;
  language: string;
  /** ISO-8601 text on SQLite, timestamptz on PostgreSQL; read back as an ISO string. */
  created_at: string;
}

/** How many actions share a campaign, UTC day and reported combination (src/actions/tallies.ts). */
export interface ActionTallyRow {
  campaign_id: number;
  /** YYYY-MM-DD, UTC. */
  day: string;
  target: string;
  channel: string;
  outcome: string;
  state: string;
  /** '' when the actions named no district (tallies.ts: NO_DISTRICT). */
  district: string;
  language: string;
  /** A bigint on PostgreSQL, which pg reads back as a string. */
  count: number | string;
}

/**
 * Opt-in signups: stored only with explicit consent, together with the consent text shown. The
 * row keeps the first consent; later ones are SignupConsentRow.
 */
export interface SignupRow {
  id: Generated<number>;
  campaign_id: number;
  name: string;
  /** Lower-cased, so `voz supporters delete --email` finds every copy. */
  email: string;
  zip: string | null;
  consent_text: string;
  /** The minute of the first consent (src/actions/coarse-time.ts). */
  created_at: string;
}

/** Consent given again by signing up again with the same email for the same campaign. */
export interface SignupConsentRow {
  id: Generated<number>;
  signup_id: number;
  consent_text: string;
  created_at: string;
}

export interface ActionTables {
  actions: ActionRow;
  action_tallies: ActionTallyRow;
  signups: SignupRow;
  signup_consents: SignupConsentRow;
}
