import { z } from 'zod';
import { isStateCode, STATE_CODES } from '../../domain.ts';
import { type JsonPosition, jsonLineOf } from './json-lines.ts';
import type { LineOfPath, Problems, SkippedRecord } from './problems.ts';
import { readJsonArray } from './read.ts';

/**
 * congress-legislators (https://github.com/unitedstates/congress-legislators, CC0): the gh-pages
 * JSON renderings of legislators-current, legislators-district-offices, legislators-social-media and
 * executive. Field reference: the upstream README.
 */
export const CONGRESS_FILES = {
  current: 'congress-legislators/legislators-current.json',
  offices: 'congress-legislators/legislators-district-offices.json',
  social: 'congress-legislators/legislators-social-media.json',
  executive: 'congress-legislators/executive.json',
} as const;

const isoDate = z.iso.date();
const stateCode = z.enum(STATE_CODES);
const optText = z.string().optional();
const idValue = z.union([z.string(), z.number()]);

const nameSchema = z.object({
  first: z.string().min(1),
  last: z.string().min(1),
  middle: optText,
  suffix: optText,
  nickname: optText,
  official_full: optText,
});
const bioSchema = z.object({ gender: z.enum(['M', 'F']).optional(), birthday: optText }).optional();
const idsSchema = z.record(z.string(), z.union([idValue, z.array(idValue)]));

const memberTermSchema = z.object({
  type: z.enum(['rep', 'sen']),
  start: isoDate,
  end: isoDate,
  state: stateCode,
  district: z.number().int().min(0).max(60).optional(),
  class: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  state_rank: z.enum(['junior', 'senior']).optional(),
  party: optText,
  url: optText,
  address: optText,
  phone: optText,
  fax: optText,
  office: optText,
  contact_form: optText,
  'end-type': optText,
  how: optText,
});

const memberSchema = z.object({
  id: idsSchema.and(z.object({ bioguide: z.string().regex(/^[A-Z]\d{6}$/) })),
  name: nameSchema,
  bio: bioSchema,
  terms: z.array(z.unknown()).min(1),
});

const executiveTermSchema = z.object({
  type: z.enum(['prez', 'viceprez']),
  start: isoDate,
  end: isoDate,
  party: optText,
  how: optText,
});
const executiveSchema = z.object({
  id: idsSchema,
  name: nameSchema,
  bio: bioSchema,
  terms: z.array(executiveTermSchema),
});

const officeSchema = z.object({
  id: z.string().min(1),
  address: optText,
  suite: z.union([z.string(), z.number()]).transform(String).optional(),
  building: optText,
  city: optText,
  state: stateCode.optional(),
  zip: optText,
  phone: optText,
  fax: optText,
  hours: optText,
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});
const officesSchema = z.object({ id: z.object({ bioguide: z.string() }), offices: z.array(z.unknown()) });

const socialSchema = z.object({
  id: z.object({ bioguide: z.string() }),
  social: z.object({
    twitter: optText,
    facebook: optText,
    instagram: optText,
    youtube: optText,
    youtube_id: optText,
    mastodon: optText,
  }),
});

export type PersonName = z.infer<typeof nameSchema>;
export type MemberTerm = z.infer<typeof memberTermSchema>;
export type ExecutiveTerm = z.infer<typeof executiveTermSchema>;
export type DistrictOfficeRecord = z.infer<typeof officeSchema>;
export type SocialRecord = z.infer<typeof socialSchema>['social'];

export interface MemberRecord {
  ids: Record<string, string>;
  bioguide: string;
  name: PersonName;
  gender: 'M' | 'F' | null;
  /** The last term: the current seat. */
  term: MemberTerm;
}

export interface ExecutiveRecord {
  ids: Record<string, string>;
  name: PersonName;
  gender: 'M' | 'F' | null;
  terms: ExecutiveTerm[];
}

export interface CongressData {
  members: MemberRecord[];
  offices: Record<string, DistrictOfficeRecord[]>;
  social: Record<string, SocialRecord>;
  executives: ExecutiveRecord[];
}

function flattenIds(ids: z.infer<typeof idsSchema>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(ids)) out[key] = Array.isArray(value) ? value.join(',') : String(value);
  return out;
}

interface Element<T> {
  value: T;
  line: number | null;
  /** The line of a field of this element, by its path below the element. */
  lineOf: LineOfPath;
}

/**
 * Validates each element; a bad element is reported at the line of its first bad field and
 * skipped, with what `skippedAs` can still tell about it.
 */
async function readEach<T>(
  dataDir: string,
  file: string,
  problems: Problems,
  schema: z.ZodType<T>,
  what: string,
  skippedAs?: (raw: unknown) => SkippedRecord,
): Promise<Element<T>[] | null> {
  const json = await readJsonArray(dataDir, file, problems);
  if (!json) return null;
  const out: Element<T>[] = [];
  json.items.forEach((item, i) => {
    const position: JsonPosition | undefined = json.positions[i];
    const lineOf: LineOfPath = (path) => (position ? jsonLineOf(json.text, position, path) : null);
    const line = position?.line ?? null;
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push({ value: parsed.data, line, lineOf });
    else problems.addZod(file, line, parsed.error, `${what} #${i + 1}`, { lineOf, skipped: skippedAs?.(item) });
  });
  return out;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/**
 * The seat a member record was about, from whatever of its last term still reads: a senator
 * whose state is garbled still names a Senate seat of some class, so no such seat that the data
 * leaves empty can be called vacant.
 */
export function memberSkipped(raw: unknown): SkippedRecord {
  const terms = field(raw, 'terms');
  const term = Array.isArray(terms) ? terms[terms.length - 1] : undefined;
  const type = field(term, 'type');
  const state = field(term, 'state');
  const district = field(term, 'district');
  const cls = field(term, 'class');
  return {
    kind: 'member',
    chamber: type === 'sen' ? 'senate' : type === 'rep' ? 'house' : null,
    state: typeof state === 'string' && isStateCode(state) ? state : null,
    district: typeof district === 'number' && Number.isInteger(district) ? district : null,
    senateClass: cls === 1 || cls === 2 || cls === 3 ? cls : null,
  };
}

export async function readCongress(dataDir: string, problems: Problems): Promise<CongressData | null> {
  const [current, offices, social, executive] = await Promise.all([
    readEach(dataDir, CONGRESS_FILES.current, problems, memberSchema, 'legislator', memberSkipped),
    readEach(dataDir, CONGRESS_FILES.offices, problems, officesSchema, 'district offices entry'),
    readEach(dataDir, CONGRESS_FILES.social, problems, socialSchema, 'social media entry'),
    readEach(dataDir, CONGRESS_FILES.executive, problems, executiveSchema, 'executive', () => ({ kind: 'executive' })),
  ]);
  if (!current || !offices || !social || !executive) return null;

  const members: MemberRecord[] = [];
  for (const { value: person, line, lineOf } of current) {
    const lastIndex = person.terms.length - 1;
    const last = person.terms[lastIndex];
    const skipped = memberSkipped(person);
    const termLine = lineOf(['terms', lastIndex]) ?? line;
    const term = memberTermSchema.safeParse(last);
    if (!term.success) {
      problems.addZod(CONGRESS_FILES.current, termLine, term.error, `legislator ${person.id.bioguide}, last term`, {
        lineOf: (path) => lineOf(['terms', lastIndex, ...path]),
        skipped,
      });
      continue;
    }
    const t = term.data;
    if (t.type === 'rep' && t.district === undefined) {
      const message = `legislator ${person.id.bioguide}: House term without a district`;
      problems.add(CONGRESS_FILES.current, termLine, message, 'error', skipped);
      continue;
    }
    if (t.type === 'sen' && t.class === undefined) {
      const message = `legislator ${person.id.bioguide}: Senate term without a class`;
      problems.add(CONGRESS_FILES.current, termLine, message, 'error', skipped);
      continue;
    }
    members.push({
      ids: flattenIds(person.id),
      bioguide: person.id.bioguide,
      name: person.name,
      gender: person.bio?.gender ?? null,
      term: t,
    });
  }

  return {
    members,
    offices: Object.fromEntries(
      offices.map(({ value, line, lineOf }) => [
        value.id.bioguide,
        validOffices(value.id.bioguide, value.offices, line, lineOf, problems),
      ]),
    ),
    social: Object.fromEntries(social.map(({ value }) => [value.id.bioguide, value.social])),
    executives: executive.map(({ value: e }) => ({
      ids: flattenIds(e.id),
      name: e.name,
      gender: e.bio?.gender ?? null,
      terms: e.terms,
    })),
  };
}

/** Validates each office on its own: one bad office is skipped, impossible coordinates are dropped. */
function validOffices(
  bioguide: string,
  offices: unknown[],
  line: number | null,
  lineOf: LineOfPath,
  problems: Problems,
): DistrictOfficeRecord[] {
  const out: DistrictOfficeRecord[] = [];
  offices.forEach((raw, i) => {
    const officeLine = lineOf(['offices', i]) ?? line;
    const parsed = officeSchema.safeParse(raw);
    if (!parsed.success) {
      problems.addZod(CONGRESS_FILES.offices, officeLine, parsed.error, `${bioguide} office #${i + 1}`, {
        lineOf: (path) => lineOf(['offices', i, ...path]),
      });
      return;
    }
    const o = parsed.data;
    const { latitude: lat, longitude: lon } = o;
    if ((lat !== undefined && Math.abs(lat) > 90) || (lon !== undefined && Math.abs(lon) > 180)) {
      problems.add(
        CONGRESS_FILES.offices,
        lineOf(['offices', i, lat !== undefined && Math.abs(lat) > 90 ? 'latitude' : 'longitude']) ?? officeLine,
        `${o.id}: coordinates (${lat}, ${lon}) out of range; ignored`,
        'warning',
      );
      out.push({ ...o, latitude: undefined, longitude: undefined });
    } else out.push(o);
  });
  return out;
}
