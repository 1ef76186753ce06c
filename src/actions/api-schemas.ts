import { z } from 'zod';
import { CHANNELS, LANGUAGES, OUTCOMES, STATE_CODES } from '../domain.ts';
import { TARGET_ID } from './validation.ts';

/**
 * The actions API as the OpenAPI document describes it (officials/openapi.ts). The report is
 * parsed by `outcomeReportSchema` (validation.ts), which also trims and upper-cases; this is the
 * wire shape a client sends. Tests post the documented example and parse real answers with these.
 */
export const actionReportSchema = z
  .object({
    target: z
      .string()
      .regex(TARGET_ID)
      .meta({
        description:
          'The seat or official contacted: a seat id (`senate:ca:1`, `house:ca:12`, `president`), an official id, or a custom target id',
        examples: ['senate:ca:1'],
      }),
    channel: z.enum(CHANNELS),
    outcome: z.enum(OUTCOMES),
    state: z.enum(STATE_CODES).meta({ description: "The supporter's state (USPS code)", examples: ['CA'] }),
    district: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "The supporter's House district number (`0` at large), when known", examples: ['12'] }),
    language: z.enum(LANGUAGES),
  })
  .meta({
    description:
      'One reported outcome. Nothing about the supporter is sent or stored: no name, address, IP address or user agent.',
    examples: [
      { target: 'senate:ca:1', channel: 'call', outcome: 'contacted', state: 'CA', district: '12', language: 'en' },
    ],
  });

export const actionAnswerSchema = z
  .object({
    counted: z.boolean(),
    reason: z.literal('repeat').optional().meta({ description: 'Why a report was not counted again' }),
  })
  .strict()
  .meta({
    description:
      '`counted: true` (201) once durably stored; `counted: false, reason: "repeat"` (200) for a repeat within the hour',
  });

const count = z.number().int().nonnegative();

const tally = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>).strict();

export const campaignCountsSchema = z
  .object({
    campaign: z.string(),
    total: count,
    asOf: z.string().meta({ description: 'When these totals were read (ISO 8601)' }),
    byOutcome: tally(OUTCOMES),
    byChannel: tally(CHANNELS),
    byLanguage: tally(LANGUAGES),
    byTarget: z.array(z.object({ target: z.string(), count }).strict()),
    byState: z.array(z.object({ state: z.string(), count }).strict()),
    byDistrict: z.array(z.object({ state: z.string(), district: z.string().nullable(), count }).strict()),
    byDay: z.array(z.object({ day: z.string().meta({ description: 'UTC day, YYYY-MM-DD' }), count }).strict()),
  })
  .strict()
  .meta({ description: "A campaign's totals, read in one snapshot, so every breakdown adds up to `total`." });
