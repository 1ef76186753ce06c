/**
 * The words Voz speaks, in one place. Every feature imports these unions rather than
 * inventing its own strings, so a typo is a compile error instead of a silent miss.
 */

/** Two-letter USPS codes for the 50 states, DC and the five inhabited territories. */
export const STATE_CODES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'DC',
  'PR',
  'GU',
  'VI',
  'AS',
  'MP',
] as const;
export type StateCode = (typeof STATE_CODES)[number];

/** DC and the territories elect a non-voting delegate (PR: a Resident Commissioner) and no senators. */
export const NON_STATES: readonly StateCode[] = ['DC', 'PR', 'GU', 'VI', 'AS', 'MP'];

export const isStateCode = (value: string): value is StateCode => (STATE_CODES as readonly string[]).includes(value);
export const hasSenators = (state: StateCode): boolean => !NON_STATES.includes(state);

/**
 * Open Civic Data division id, the common key between data sets. Canonical forms (see
 * src/officials/divisions.ts): `ocd-division/country:us/state:ca`, `…/state:ca/cd:12`,
 * `ocd-division/country:us/district:dc`, `ocd-division/country:us/territory:pr`,
 * `…/state:ca/sldu:12` and `…/state:ca/sldl:80`. An at-large or delegate House seat covers
 * the whole state or territory, so its division is the state's own id, as in the OCD registry.
 */
export type OcdId = string;

export type Chamber =
  | 'executive' // President and Vice President
  | 'senate'
  | 'house'
  | 'state_executive' // governor, lieutenant governor, attorney general, …
  | 'state_upper'
  | 'state_lower'
  | 'state_legislature'; // unicameral: Nebraska, the DC Council

export type Role =
  | 'president'
  | 'vice_president'
  | 'senator'
  | 'representative'
  | 'delegate'
  | 'resident_commissioner'
  | 'governor'
  | 'lt_governor'
  | 'attorney_general'
  | 'secretary_of_state'
  | 'chief_election_officer'
  | 'treasurer'
  | 'auditor'
  | 'mayor'
  | 'state_senator'
  | 'state_representative'
  | 'state_legislator'
  | 'custom';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

export type Outcome = 'contacted' | 'voicemail' | 'unavailable' | 'skipped';
export const OUTCOMES: readonly Outcome[] = ['contacted', 'voicemail', 'unavailable', 'skipped'];

export type Channel = 'call' | 'email' | 'form' | 'mail';
export const CHANNELS: readonly Channel[] = ['call', 'email', 'form', 'mail'];

/** How sure a lookup is. Voz never turns an ambiguous answer into an exact one by guessing. */
export type Confidence =
  | 'exact'
  | 'zip_spans_districts'
  | 'zip_spans_states'
  | 'unknown_zip'
  | 'near_boundary' // a coordinate within the coarse boundaries' error margin of another district
  | 'state_only'; // a state was given, so the House district is unknown

/** Which officials a campaign addresses. */
export type TargetKind = 'president' | 'senators' | 'representative' | 'governor' | 'state_legislators' | 'custom';
export const TARGET_KINDS: readonly TargetKind[] = [
  'president',
  'senators',
  'representative',
  'governor',
  'state_legislators',
  'custom',
];

export type CampaignStatus = 'draft' | 'live' | 'closed';
export type UserRole = 'owner' | 'editor' | 'viewer';
