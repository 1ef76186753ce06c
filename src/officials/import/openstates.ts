import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isStateCode, type StateCode } from '../../domain.ts';
import { parseCityStateZip } from '../build/offices.ts';
import { stateDivision } from '../divisions.ts';
import { isContactForm, websiteOf } from './links.ts';
import type { Problems } from './problems.ts';
import { readText } from './read.ts';
import { parseYamlDocuments, yamlLineOf } from './yaml-documents.ts';

/**
 * openstates/people (https://github.com/openstates/people, CC0). Upstream keeps one YAML file per
 * person under `data/<state>/legislature/` and `data/<state>/executive/`; the mirror bundles each
 * folder into one multi-document stream, `openstates-people/<state>/legislature.yml` and
 * `…/executive.yml`, each document preceded by `# source: data/<state>/<kind>/<file>.yml`.
 * A single-person upstream file is a one-document stream, so the same reader handles both.
 */
export const OPENSTATES_DIR = 'openstates-people';
export const OPENSTATES_KINDS = ['legislature', 'executive'] as const;
export type OpenStatesKind = (typeof OPENSTATES_KINDS)[number];

/**
 * Role types Voz knows: the upstream schema's (`upper|lower|legislature|governor|lt_governor|mayor`,
 * UPSTREAM-schema.md) and the executive offices the data uses beyond it. Anything else is a typo or
 * a new kind of office, and a person whose role Voz cannot read may be a seat's holder.
 */
const ROLE_TYPES = new Set([
  'upper',
  'lower',
  'legislature',
  'governor',
  'lt_governor',
  'mayor',
  'attorney general',
  'secretary of state',
  'chief election officer',
  'treasurer',
  'auditor',
]);

const date = z.union([z.iso.date(), z.string().regex(/^\d{4}(-\d{2})?$/)]);
const text = z.string();
const roleSchema = z.object({
  type: text.min(1),
  district: z.union([text, z.number()]).transform(String).optional(),
  jurisdiction: text.min(1),
  start_date: date.optional(),
  end_date: date.optional(),
  /** Set when a role ended early: resignation, death, removal. */
  end_reason: text.optional(),
});
const personSchema = z.object({
  id: z.string().regex(/^ocd-person\/[0-9a-f-]{36}$/, 'not an ocd-person id'),
  name: text.min(1),
  given_name: text.optional(),
  family_name: text.optional(),
  gender: text.optional(),
  email: text.optional(),
  image: text.optional(),
  party: z.array(z.object({ name: text, start_date: date.optional(), end_date: date.optional() })).optional(),
  roles: z.array(roleSchema).min(1),
  offices: z
    .array(z.object({ classification: text, address: text.optional(), voice: text.optional(), fax: text.optional() }))
    .optional(),
  links: z.array(z.object({ url: text, note: text.optional() })).nullish(),
  ids: z.record(text, z.union([text, z.number()]).transform(String)).nullish(),
});

export type OpenStatesRole = z.infer<typeof roleSchema>;
/**
 * A person as Voz keeps them: only what the directory uses, so the cached snapshot stays small
 * (the upstream `links` list becomes `website` and `contactForm`; `party` its latest entry).
 */
export type OpenStatesPerson = Omit<z.infer<typeof personSchema>, 'links' | 'ids' | 'party'> & {
  party: string | null;
  website: string | null;
  /** A link noted as a web form or contact page. */
  contactForm: string | null;
  ids: Record<string, string>;
  state: StateCode;
  kind: OpenStatesKind;
};

/** Open States' id for a state's government: `ocd-jurisdiction/country:us/state:ca/government`. */
export function jurisdictionOf(state: StateCode): string {
  return `ocd-jurisdiction/${stateDivision(state).replace('ocd-division/', '')}/government`;
}

/** Lists the jurisdictions present: `openstates-people/<state>/` folders named by a state code. */
export async function listOpenStatesJurisdictions(dataDir: string, problems: Problems): Promise<StateCode[]> {
  try {
    const entries = await readdir(path.join(dataDir, OPENSTATES_DIR), { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && isStateCode(e.name.toUpperCase()))
      .map((e) => e.name.toUpperCase() as StateCode)
      .sort();
  } catch {
    problems.add(OPENSTATES_DIR, null, 'folder is missing', 'fatal');
    return [];
  }
}

export async function readOpenStatesFile(
  dataDir: string,
  state: StateCode,
  kind: OpenStatesKind,
  problems: Problems,
): Promise<OpenStatesPerson[]> {
  const file = `${OPENSTATES_DIR}/${state.toLowerCase()}/${kind}.yml`;
  const whom = kind === 'executive' ? 'state executives' : 'legislators';
  // A person who could not be read leaves the state's seats of that kind unknown, not vacant.
  const skipped = { kind: 'state_person', state, executive: kind === 'executive' } as const;
  const jurisdiction = jurisdictionOf(state);
  if (!existsSync(path.join(dataDir, file))) {
    problems.add(file, null, `file is missing: the data would name no ${whom} for ${state}`, 'error', skipped);
    return [];
  }
  const content = await readText(dataDir, file, problems);
  if (content === null) return [];
  const docs = parseYamlDocuments(content, (line, message) => problems.add(file, line, message, 'error', skipped));
  if (docs.length === 0) {
    problems.add(file, null, `file has no people: the data would name no ${whom} for ${state}`, 'error', skipped);
    return [];
  }
  const people: OpenStatesPerson[] = [];
  for (const doc of docs) {
    const parsed = personSchema.safeParse(doc.value);
    if (!parsed.success) {
      problems.addZod(file, doc.line, parsed.error, 'person', { lineOf: (path) => yamlLineOf(doc, path), skipped });
      continue;
    }
    // Only the state's own roles matter: a past city office (`…/place:long_beach/government`) is not a seat here.
    parsed.data.roles.forEach((role, i) => {
      if (role.jurisdiction !== jurisdiction || ROLE_TYPES.has(role.type)) return;
      const line = yamlLineOf(doc, ['roles', i, 'type']) ?? doc.line;
      problems.add(file, line, `person: role type "${role.type}" is not one Voz knows`, 'error', skipped);
    });
    const offices = officesInState(parsed.data.offices ?? [], state, (i, message) =>
      problems.add(file, yamlLineOf(doc, ['offices', i, 'address']) ?? doc.line, message, 'warning'),
    );
    const { links, ids, party, ...rest } = { ...parsed.data, offices };
    people.push({
      ...rest,
      party: party?.at(-1)?.name ?? null,
      website: websiteOf(links ?? []),
      contactForm: links?.find(isContactForm)?.url ?? null,
      ids: ids ?? {},
      state,
      kind,
    });
  }
  return people;
}

export async function readOpenStates(dataDir: string, problems: Problems): Promise<OpenStatesPerson[]> {
  // Every jurisdiction folder holds both files upstream (a state always has a governor and a
  // legislature), so a file missing from a folder is a hole in the data, reported below.
  const states = await listOpenStatesJurisdictions(dataDir, problems);
  const batches = await Promise.all(
    states.flatMap((state) => OPENSTATES_KINDS.map((kind) => readOpenStatesFile(dataDir, state, kind, problems))),
  );
  return batches.flat();
}

/**
 * Drops an office whose address is in another state: Wyoming's governor's record lists Puerto
 * Rico's La Fortaleza (San Juan, PR) as its capitol office, which would give Wyoming supporters
 * the wrong phone and a Puerto Rico time zone. The person is kept, without that office.
 */
function officesInState<O extends { address?: string | undefined }>(
  offices: O[],
  state: StateCode,
  report: (index: number, message: string) => void,
): O[] {
  return offices.filter((office, i) => {
    const where = office.address ? parseCityStateZip(office.address).state : null;
    if (!where || where === state || !isStateCode(where)) return true;
    report(i, `person: office ${i + 1}'s address is in ${where}, not ${state}; the office is left out`);
    return false;
  });
}
