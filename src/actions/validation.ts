import { z } from 'zod';
import { CHANNELS, LANGUAGES, OUTCOMES, STATE_CODES } from '../domain.ts';
import { badRequest } from '../http/errors.ts';

/**
 * Target ids as Voz makes them: seat ids (`house:ca:12`, `senate:ca:1`), bioguide ids
 * (`P000145`), Open States person ids (`ocd-person/…`) and custom target slugs.
 */
export const TARGET_ID = /^[A-Za-z0-9][A-Za-z0-9:_./-]{0,119}$/;
/** House districts ("12", "0") and state legislative district names as published ("12A", "Chittenden-1"). */
const DISTRICT = /^[A-Za-z0-9][A-Za-z0-9 .'-]{0,39}$/;

const upper = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : v);
const emptyToNull = (v: unknown) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v);

export const outcomeReportSchema = z.object({
  target: z
    .string({ error: 'Say which official or seat you contacted.' })
    .regex(TARGET_ID, 'This is not a target id Voz knows (letters, digits and : _ . / - only, up to 120).'),
  channel: z.enum(CHANNELS, { error: `Channel must be one of: ${CHANNELS.join(', ')}.` }),
  outcome: z.enum(OUTCOMES, { error: `Outcome must be one of: ${OUTCOMES.join(', ')}.` }),
  state: z.preprocess(
    upper,
    z.enum(STATE_CODES, { error: 'State must be a two-letter USPS code such as CA, DC or PR.' }),
  ),
  district: z.preprocess(
    emptyToNull,
    z.string().regex(DISTRICT, 'District must be a district number or name, up to 40 characters.').nullable(),
  ),
  language: z.enum(LANGUAGES, { error: `Language must be one of: ${LANGUAGES.join(', ')}.` }),
});

/** Parses input or throws 400 naming each bad field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, code: string, message: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '(body)';
    fields[key] ??= issue.message;
  }
  const detail = Object.entries(fields)
    .map(([k, m]) => `${k}: ${m}`)
    .join(' ');
  throw badRequest(code, `${message} ${detail}`.trim(), fields);
}
