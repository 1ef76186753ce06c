import type { Language, Role } from '../domain.ts';
import type { Official } from '../officials/types.ts';
import type { TemplateValues } from './templates.ts';

/**
 * What `[official]` and `[office]` become for one official, in English and Spanish, and how a
 * page names the official in a sentence.
 *
 * - `[official]` is the title and name as one addresses the person: "Senator Alex Padilla",
 *   "Delegate Eleanor Holmes Norton", "Resident Commissioner Pablo José Hernández"; in Spanish the
 *   title agrees with the published gender: "Senadora …", "Senador …", "Delegada …".
 * - `[office]` names the office the supporter is calling or writing to, with its article, for the
 *   middle of a sentence ("I am calling [office]"): "the office of Senator Alex Padilla", "la
 *   oficina de la senadora …", "la oficina del presidente …". Spanish writes a title before a
 *   name in lower case in running text (RAE, Ortografía 2010, §4.2.4.1.1), and the same holds for
 *   `officialInSentence` ("¿Cómo le fue con el presidente …?", "Representado por la senadora …").
 *
 * When the gender is not published and the Spanish title has two forms, Voz does not guess and
 * does not write "Gobernador/a": the name stands alone ("Honorable Gavin Newsom:", "la oficina de
 * Gavin Newsom") and the card says what the post is in neutral words ("Titular de la
 * gubernatura"). A title Voz has no Spanish for, and an organizer's custom title in the other
 * language, are shown beside the name as written rather than mixed into a sentence.
 * A vacant seat has no official: `officialTemplateValues(null, …)` is null and the card shows
 * the vacancy instead of a script. Dependency-free at run time, like templates.ts.
 */

/** The fields these titles need; a custom target supplies `role: 'custom'` and its own title. */
export type TitledPerson = Pick<Official, 'name' | 'role' | 'gender' | 'title'> & {
  /** The language a custom target's title is written in: the campaign's default language. */
  titleLang?: Language;
};

interface SpanishForms {
  m: string;
  f: string;
  /** The post in gender-neutral words, for a holder whose gender is not published. */
  post: string;
}
type Forms = { en: string; es: SpanishForms | null };

const same = (title: string): SpanishForms => ({ m: title, f: title, post: title });

const FEDERAL: Partial<Record<Role, Forms>> = {
  president: { en: 'President', es: { m: 'Presidente', f: 'Presidenta', post: 'Titular de la Presidencia' } },
  vice_president: {
    en: 'Vice President',
    es: { m: 'Vicepresidente', f: 'Vicepresidenta', post: 'Titular de la Vicepresidencia' },
  },
  senator: { en: 'Senator', es: { m: 'Senador', f: 'Senadora', post: 'Integrante del Senado' } },
  representative: { en: 'Representative', es: same('Representante') },
  delegate: {
    en: 'Delegate',
    es: { m: 'Delegado', f: 'Delegada', post: 'Integrante sin voto de la Cámara de Representantes' },
  },
  resident_commissioner: {
    en: 'Resident Commissioner',
    es: {
      m: 'Comisionado Residente',
      f: 'Comisionada Residente',
      post: 'Integrante sin voto de la Cámara de Representantes por Puerto Rico',
    },
  },
  governor: { en: 'Governor', es: { m: 'Gobernador', f: 'Gobernadora', post: 'Titular de la gubernatura' } },
  lt_governor: {
    en: 'Lieutenant Governor',
    es: { m: 'Vicegobernador', f: 'Vicegobernadora', post: 'Titular de la vicegubernatura' },
  },
  attorney_general: { en: 'Attorney General', es: same('Fiscal General') },
  secretary_of_state: {
    en: 'Secretary of State',
    es: { m: 'Secretario de Estado', f: 'Secretaria de Estado', post: 'Titular de la Secretaría de Estado' },
  },
  chief_election_officer: {
    en: 'Chief Election Officer',
    es: { m: 'Director electoral', f: 'Directora electoral', post: 'Titular de la dirección electoral' },
  },
  treasurer: { en: 'Treasurer', es: { m: 'Tesorero', f: 'Tesorera', post: 'Titular de la Tesorería' } },
  auditor: { en: 'Auditor', es: { m: 'Auditor', f: 'Auditora', post: 'Titular de la Auditoría' } },
  mayor: { en: 'Mayor', es: { m: 'Alcalde', f: 'Alcaldesa', post: 'Titular de la alcaldía' } },
};

/**
 * State legislators' titles vary by state (Assemblymember in CA and NY, Delegate in MD, VA and
 * WV, Senator in Nebraska's unicameral legislature), so the English title comes from the data and
 * Spanish follows it.
 */
const STATE_SENATOR: SpanishForms = {
  m: 'Senador estatal',
  f: 'Senadora estatal',
  post: 'Integrante del Senado estatal',
};
const STATE_TITLES: Record<string, SpanishForms> = {
  senator: STATE_SENATOR,
  'state senator': STATE_SENATOR,
  representative: same('Representante'),
  'state representative': same('Representante estatal'),
  assemblymember: same('Asambleísta'),
  'assembly member': same('Asambleísta'),
  assemblyman: same('Asambleísta'),
  assemblywoman: same('Asambleísta'),
  delegate: { m: 'Delegado', f: 'Delegada', post: 'Integrante de la Cámara de Delegados' },
  councilmember: { m: 'Concejal', f: 'Concejala', post: 'Integrante del Concejo' },
};

const STATE_DEFAULTS: Partial<Record<Role, Forms>> = {
  state_senator: { en: 'Senator', es: STATE_SENATOR },
  state_representative: { en: 'Representative', es: same('Representante') },
  state_legislator: { en: 'Senator', es: STATE_SENATOR },
};

function formsFor(person: TitledPerson): Forms | null {
  const federal = FEDERAL[person.role];
  if (federal) return federal;
  const published = person.title.trim();
  const known = STATE_TITLES[published.toLowerCase()];
  if (known) return { en: published, es: known };
  // A title Voz has no Spanish for ("Comptroller") is English only.
  if (published) return { en: published, es: null };
  return STATE_DEFAULTS[person.role] ?? null;
}

const isCustom = (person: TitledPerson) => person.role === 'custom';

/** The title in `lang`, or null when it cannot be written there without guessing a gender or mixing languages. */
function titleIn(person: TitledPerson, lang: Language): string | null {
  if (isCustom(person)) {
    const title = person.title.trim();
    return title && (!person.titleLang || person.titleLang === lang) ? title : null;
  }
  const forms = formsFor(person);
  if (!forms) return null;
  if (lang === 'en') return forms.en || null;
  if (!forms.es) return null;
  if (person.gender === 'F') return forms.es.f;
  if (person.gender === 'M' || forms.es.m === forms.es.f) return forms.es.m;
  return null;
}

/** A Spanish title in running text: lower case, except Estado, the institution (RAE, §4.2.4.1.1). */
const inRunningText = (title: string) =>
  title
    .split(' ')
    .map((word) => (word === 'Estado' ? word : word.toLowerCase()))
    .join(' ');

/** "Senator Alex Padilla" / "Senadora María Cantwell" / "Gavin Newsom" (gender not published). */
export function officialTitle(person: TitledPerson, lang: Language): string {
  const title = titleIn(person, lang);
  return title ? `${title} ${person.name}` : person.name;
}

/** The official in the middle of a sentence: "el presidente Donald J. Trump", "la senadora …". */
export function officialInSentence(person: TitledPerson, lang: Language): string {
  if (lang === 'en') return officialTitle(person, 'en');
  const title = titleIn(person, 'es');
  // The article agrees with the holder; without a published gender, the name alone.
  if (!title || isCustom(person) || !person.gender) return person.name;
  return `${person.gender === 'F' ? 'la' : 'el'} ${inRunningText(title)} ${person.name}`;
}

/** "the office of Senator Alex Padilla" / "la oficina de la senadora María Cantwell". */
export function officeName(person: TitledPerson, lang: Language): string {
  if (lang === 'en') return `the office of ${officialTitle(person, 'en')}`;
  const title = titleIn(person, 'es');
  if (!title || isCustom(person) || !person.gender) return `la oficina de ${person.name}`;
  return `la oficina ${person.gender === 'F' ? 'de la' : 'del'} ${inRunningText(title)} ${person.name}`;
}

/**
 * What the post is, for a card whose heading carries no title: the neutral Spanish words, or a
 * title as written in its own language. Null when the heading already says it.
 */
export function officialRole(person: TitledPerson, lang: Language): { text: string; lang: Language } | null {
  if (titleIn(person, lang)) return null;
  if (isCustom(person)) {
    const title = person.title.trim();
    return title && person.titleLang ? { text: title, lang: person.titleLang } : null;
  }
  const forms = formsFor(person);
  if (!forms || lang === 'en') return null;
  return forms.es ? { text: forms.es.post, lang: 'es' } : { text: forms.en, lang: 'en' };
}

/** The official placeholders for one card; null for a vacant seat. */
export function officialTemplateValues(person: TitledPerson | null, lang: Language): TemplateValues | null {
  if (!person) return null;
  return { official: officialTitle(person, lang), office: officeName(person, lang) };
}
