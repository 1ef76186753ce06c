import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { minuteOf } from './coarse-time.ts';
import type { ActionsContext } from './context.ts';
import { liveCampaign } from './record-outcome.ts';
import { upsertSignup } from './signup-repository.ts';
import { parseOrThrow } from './validation.ts';

/**
 * Opt-in signup from the "done" step. Stored only with explicit consent, together with the exact
 * consent text the supporter was shown, so the organization can later prove what was agreed to.
 */
export interface SignUpRequest {
  campaignSlug: string;
  /** Form fields or JSON, unvalidated: name, email, zip (optional), consent. */
  input: unknown;
  /** The consent sentence as shown on the page, in the supporter's language. */
  consentText: string;
}

/** Emails compare case-insensitively in practice; storing them lower-cased makes deletion find every copy. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const CONSENT_GIVEN = [true, 'true', 'on', 'yes', '1'];

export const signupSchema = z.object({
  name: z
    .string({ error: 'Please give your name.' })
    .trim()
    .min(1, 'Please give your name.')
    .max(100, 'Your name is too long (up to 100 characters).'),
  email: z
    .string({ error: 'Please give your email address.' })
    .trim()
    .max(254, 'This email address is too long.')
    .pipe(z.email('This does not look like an email address.')),
  zip: z.preprocess(
    (v) => (v === undefined || v === '' ? null : v),
    z
      .string()
      .regex(/^\d{5}$/, 'A ZIP code has five digits.')
      .nullable(),
  ),
  consent: z.unknown().refine((v) => CONSENT_GIVEN.includes(v as string | boolean), {
    message: 'Please tick the box to agree to be contacted; without it we do not keep your details.',
  }),
});

/**
 * Stores the signup, or, for an email already signed up to this campaign, adds the consent given
 * again without touching what was first recorded (see upsertSignup).
 */
export async function signUp(context: ActionsContext, request: SignUpRequest): Promise<'created' | 'renewed'> {
  const campaign = await liveCampaign(context, request.campaignSlug);
  const consentText = request.consentText.trim();
  if (consentText.length === 0 || consentText.length > 2000) {
    // The caller's mistake, not the supporter's: never store consent without its text.
    throw new HttpError(500, 'consent_text_missing', 'The signup form is misconfigured.');
  }
  const input = parseOrThrow(signupSchema, request.input, 'invalid_signup', 'Please check the form.');
  return upsertSignup(context.db.db, {
    campaignId: campaign.id,
    name: input.name,
    email: normalizeEmail(input.email),
    zip: input.zip,
    consentText,
    createdAt: minuteOf(context.clock.now()),
  });
}
