import { z } from 'zod';
import { type Chamber, type Confidence, type Role, STATE_CODES } from '../domain.ts';
import { addressInfoSchema } from '../geocode/api.ts';
import type { DataInfo } from './data-info.ts';
import type { Candidate, DataStatus, LookupResult, Official, Representation, Seat } from './types.ts';

/**
 * The API's shapes as zod schemas: the OpenAPI document is generated from them, and tests parse
 * real answers with them, so the document cannot drift from what the API sends. The type checks
 * at the bottom keep them equal to the model in types.ts.
 */

const CHAMBERS = [
  'executive',
  'senate',
  'house',
  'state_executive',
  'state_upper',
  'state_lower',
  'state_legislature',
] as const satisfies readonly Chamber[];
const ROLES = [
  'president',
  'vice_president',
  'senator',
  'representative',
  'delegate',
  'resident_commissioner',
  'governor',
  'lt_governor',
  'attorney_general',
  'secretary_of_state',
  'chief_election_officer',
  'treasurer',
  'auditor',
  'mayor',
  'state_senator',
  'state_representative',
  'state_legislator',
  'custom',
] as const satisfies readonly Role[];
export const CONFIDENCES = [
  'exact',
  'zip_spans_districts',
  'zip_spans_states',
  'unknown_zip',
  'near_boundary',
  'state_only',
] as const satisfies readonly Confidence[];

const stateCode = z.enum(STATE_CODES).meta({ description: 'USPS code of a state, DC or territory.' });
const divisionId = z.string().meta({
  description: 'Open Civic Data division id',
  examples: ['ocd-division/country:us/state:ca/cd:12'],
});

export const officeSchema = z.object({
  id: z.string(),
  kind: z.enum(['dc', 'capitol', 'district']),
  address: z.string().nullable(),
  suite: z.string().nullable(),
  building: z.string().nullable(),
  city: z.string().nullable(),
  state: stateCode.nullable(),
  zip: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  hours: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  timeZone: z.string().nullable(),
});

export const officialSchema = z.object({
  id: z.string().meta({ description: 'bioguide id for federal officials, ocd-person id for state officials' }),
  ids: z.record(z.string(), z.string()),
  name: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  party: z.string().nullable(),
  gender: z.enum(['F', 'M']).nullable(),
  role: z.enum(ROLES),
  chamber: z.enum(CHAMBERS),
  title: z.string(),
  state: stateCode.nullable(),
  district: z.string().nullable(),
  divisionId,
  seatId: z.string(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  senateClass: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  stateRank: z.enum(['junior', 'senior']).nullable(),
  offices: z.array(officeSchema),
  contactForm: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  photoUrl: z.string().nullable(),
  mailingAddress: z.string().nullable().optional(),
  social: z.object({
    twitter: z.string().optional(),
    facebook: z.string().optional(),
    instagram: z.string().optional(),
    youtube: z.string().optional(),
    mastodon: z.string().optional(),
  }),
});

export const unknownHolderSchema = z
  .object({
    reason: z.enum(['record_not_loaded', 'term_ended_before_data', 'no_record']),
    note: z.string(),
    website: z.string().nullable().meta({ description: "The office's own website, when the data has it" }),
    phone: z.string().nullable().meta({ description: "The office's own phone number, when the data has it" }),
  })
  .meta({
    description:
      "Why the seat's holder is not named although the seat is not known to be vacant: the holder's record " +
      'could not be read, or the last recorded term ended before the data was published.',
  });

export const seatSchema = z.object({
  id: z.string().meta({ examples: ['senate:ca:1', 'house:ca:12', 'house:ak:0', 'governor:ca'] }),
  chamber: z.enum(CHAMBERS),
  role: z.enum(ROLES),
  state: stateCode.nullable(),
  district: z.string().nullable(),
  divisionId,
  label: z.string(),
  officialId: z.string().nullable(),
  holderUnknown: unknownHolderSchema.nullable().optional(),
});

export const representationSchema = z.object({
  seat: seatSchema,
  official: officialSchema
    .nullable()
    .meta({ description: 'null when the seat is vacant, or when the data cannot say who holds it' }),
  vacant: z.boolean().meta({ description: 'The data says nobody holds the seat.' }),
  holderUnknown: z
    .boolean()
    .meta({ description: 'The seat is held, but the data cannot say by whom; seat.holderUnknown says why.' }),
  mayBeOutOfDate: z.boolean().meta({ description: "The holder's recorded term ended before today." }),
});

export const candidateSchema = z
  .object({
    state: stateCode,
    district: z.string(),
    divisionId,
    label: z.string(),
    representative: representationSchema.nullable().meta({ description: "The district's House seat" }),
    senators: z
      .array(representationSchema)
      .optional()
      .meta({
        description:
          "Only when the candidates lie in different states: the candidate state's senators, senior first; " +
          'none for DC and the territories',
      }),
    governor: representationSchema
      .nullable()
      .optional()
      .meta({
        description:
          "Only when the candidates lie in different states: the candidate state's governor (the Mayor for DC), " +
          'null when the data has no such seat',
      }),
  })
  .meta({
    description:
      'A possible House district, with what a supporter needs to choose it and act: its member and, when the ' +
      "candidates lie in different states, its state's senators and governor (then neither state's are in " +
      '`representations`; otherwise they are there, shared by every candidate).',
  });

export const lookupResultSchema = z.object({
  query: z.object({ kind: z.enum(['zip', 'state', 'district', 'point', 'address']), value: z.string() }),
  confidence: z.enum(CONFIDENCES),
  message: z.string().nullable().meta({ description: 'Advice when the answer is not exact' }),
  state: stateCode.nullable(),
  divisions: z.array(divisionId),
  candidates: z.array(candidateSchema),
  representations: z.array(representationSchema),
  address: addressInfoSchema.optional(),
});

export const divisionSchema = z.object({
  divisionId,
  name: z.string(),
  representations: z.array(representationSchema),
});

/** `data` in every answer: see data-info.ts. */
export const dataInfoSchema = z
  .object({
    vintage: z.string().meta({ description: 'The date of the newest upstream data, YYYY-MM-DD.' }),
    importedAt: z.string().meta({ description: 'When this server imported the data it answers from.' }),
    degraded: z.boolean().meta({ description: 'True while the server answers from its last good data.' }),
  })
  .meta({ description: 'How old the data behind this answer is.' });

export const officialsAnswerSchema = lookupResultSchema.extend({ data: dataInfoSchema });
export const representationAnswerSchema = representationSchema.extend({ data: dataInfoSchema });
export const divisionAnswerSchema = divisionSchema.extend({ data: dataInfoSchema });

/** GET /healthz: 200 while Voz serves; `data` says whether it serves its last good data. */
export const healthSchema = z.object({
  ok: z.literal(true),
  data: z.enum(['current', 'degraded']),
  vintage: z.string(),
  importedAt: z.string(),
});

const sourceSchema = z.object({
  name: z.string(),
  files: z.array(z.string()),
  upstreamUrl: z.string(),
  license: z.string(),
  commit: z.string().nullable(),
  date: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});

/** `dataDir` is left out of the public status: it is a path on the server. */
export const dataStatusSchema = z.object({
  vintage: z.string(),
  importedAt: z.string(),
  sources: z.array(sourceSchema),
  counts: z.record(z.string(), z.number()),
  warnings: z.array(z.string()),
  degraded: z
    .object({
      message: z.string(),
      problems: z.array(z.string()).meta({ description: 'The first problems, as file:line: message' }),
      lastGoodValidatedAt: z.string().nullable(),
    })
    .nullable()
    .optional()
    .meta({
      description: 'Present when the data on the server failed validation and the last good data is served instead.',
    }),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

/** Compile-time proof that the schemas describe the model exactly. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proofs: [
  Same<z.infer<typeof officialSchema>, Official>,
  Same<z.infer<typeof seatSchema>, Seat>,
  Same<z.infer<typeof representationSchema>, Representation>,
  Same<z.infer<typeof candidateSchema>, Candidate>,
  Same<z.infer<typeof lookupResultSchema>, LookupResult>,
  Same<z.infer<typeof dataStatusSchema>, Omit<DataStatus, 'dataDir'>>,
  Same<z.infer<typeof dataInfoSchema>, DataInfo>,
] = [true, true, true, true, true, true, true];
void proofs;
