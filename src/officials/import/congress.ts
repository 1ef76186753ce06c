import { z } from 'zod';
import { STATE_CODES } from '../../domain.ts';
import type { Problems } from './problems.ts';
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

/** Validates each element; a bad element is reported with its line and skipped. */
async function readEach<T>(
  dataDir: string,
  file: string,
  problems: Problems,
  schema: z.ZodType<T>,
  what: string,
): Promise<{ value: T; line: number | null }[] | null> {
  const json = await readJsonArray(dataDir, file, problems);
  if (!json) return null;
  const out: { value: T; line: number | null }[] = [];
  json.items.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push({ value: parsed.data, line: json.lines[i] ?? null });
    else problems.addZod(file, json.lines[i] ?? null, parsed.error, `${what} #${i + 1}`);
  });
  return out;
}

export async function readCongress(dataDir: string, problems: Problems): Promise<CongressData | null> {
  const [current, offices, social, executive] = await Promise.all([
    readEach(dataDir, CONGRESS_FILES.current, problems, memberSchema, 'legislator'),
    readEach(dataDir, CONGRESS_FILES.offices, problems, officesSchema, 'district offices entry'),
    readEach(dataDir, CONGRESS_FILES.social, problems, socialSchema, 'social media entry'),
    readEach(dataDir, CONGRESS_FILES.executive, problems, executiveSchema, 'executive'),
  ]);
  if (!current || !offices || !social || !executive) return null;

  const members: MemberRecord[] = [];
  for (const { value: person, line } of current) {
    const last = person.terms[person.terms.length - 1];
    const term = memberTermSchema.safeParse(last);
    if (!term.success) {
      problems.addZod(CONGRESS_FILES.current, line, term.error, `legislator ${person.id.bioguide}, last term`);
      continue;
    }
    const t = term.data;
    if (t.type === 'rep' && t.district === undefined) {
      problems.add(CONGRESS_FILES.current, line, `legislator ${person.id.bioguide}: House term without a district`);
      continue;
    }
    if (t.type === 'sen' && t.class === undefined) {
      problems.add(CONGRESS_FILES.current, line, `legislator ${person.id.bioguide}: Senate term without a class`);
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
      offices.map(({ value, line }) => [
        value.id.bioguide,
        validOffices(value.id.bioguide, value.offices, line, problems),
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
  problems: Problems,
): DistrictOfficeRecord[] {
  const out: DistrictOfficeRecord[] = [];
  offices.forEach((raw, i) => {
    const parsed = officeSchema.safeParse(raw);
    if (!parsed.success) {
      problems.addZod(CONGRESS_FILES.offices, line, parsed.error, `${bioguide} office #${i + 1}`);
      return;
    }
    const o = parsed.data;
    const { latitude: lat, longitude: lon } = o;
    if ((lat !== undefined && Math.abs(lat) > 90) || (lon !== undefined && Math.abs(lon) > 180)) {
      problems.add(
        CONGRESS_FILES.offices,
        line,
        `${o.id}: coordinates (${lat}, ${lon}) out of range; ignored`,
        'warning',
      );
      out.push({ ...o, latitude: undefined, longitude: undefined });
    } else out.push(o);
  });
  return out;
}
