import type { Language, Role } from '../domain.ts';
import type { Official } from '../officials/types.ts';
import type { TemplateValues } from './templates.ts';

/**
 * What `[official]` and `[office]` become for one official, in English and Spanish.
 *
 * - `[official]` is the title and name as one addresses the person: "Senator Alex Padilla",
 *   "Delegate Eleanor Holmes Norton", "Resident Commissioner Pablo José Hernández"; in Spanish the
 *   title agrees with the published gender: "Senadora …", "Senador …", "Delegada …".
 * - `[office]` names the office the supporter is calling or writing to, with its article, for the
 *   middle of a sentence ("I am calling [office]"): "the office of Senator Alex Padilla", "la
 *   oficina de la senadora …", "la oficina del presidente …". Spanish writes a title before a
 *   name in lower case in running text (RAE, Ortografía 2010, §4.2.4.1.1).
 *
 * When the gender is not published, Spanish uses both forms ("Senador/a") rather than guess.
 * A vacant seat has no official: `officialTemplateValues(null, …)` is null and the card shows
 * the vacancy instead of a script. Dependency-free at run time, like templates.ts.
 */

/** The fields these titles need; a custom target supplies `role: 'custom'` and its own title. */
export type TitledPerson = Pick<Official, 'name' | 'role' | 'gender' | 'title'>;

type Forms = { en: string; m: string; f: string };

const FEDERAL: Partial<Record<Role, Forms>> = {
  president: { en: 'President', m: 'Presidente', f: 'Presidenta' },
  vice_president: { en: 'Vice President', m: 'Vicepresidente', f: 'Vicepresidenta' },
  senator: { en: 'Senator', m: 'Senador', f: 'Senadora' },
  representative: { en: 'Representative', m: 'Representante', f: 'Representante' },
  delegate: { en: 'Delegate', m: 'Delegado', f: 'Delegada' },
  resident_commissioner: { en: 'Resident Commissioner', m: 'Comisionado Residente', f: 'Comisionada Residente' },
  governor: { en: 'Governor', m: 'Gobernador', f: 'Gobernadora' },
  lt_governor: { en: 'Lieutenant Governor', m: 'Vicegobernador', f: 'Vicegobernadora' },
  attorney_general: { en: 'Attorney General', m: 'Fiscal General', f: 'Fiscal General' },
  secretary_of_state: { en: 'Secretary of State', m: 'Secretario de Estado', f: 'Secretaria de Estado' },
  treasurer: { en: 'Treasurer', m: 'Tesorero', f: 'Tesorera' },
  auditor: { en: 'Auditor', m: 'Auditor', f: 'Auditora' },
  mayor: { en: 'Mayor', m: 'Alcalde', f: 'Alcaldesa' },
};

/**
 * State legislators' titles vary by state (Assemblymember in CA and NY, Delegate in MD, VA and
 * WV, Senator in Nebraska's unicameral legislature), so the English title comes from the data and
 * Spanish follows it.
 */
const STATE_TITLES: Record<string, Forms> = {
  senator: { en: 'Senator', m: 'Senador', f: 'Senadora' },
  'state senator': { en: 'State Senator', m: 'Senador estatal', f: 'Senadora estatal' },
  representative: { en: 'Representative', m: 'Representante', f: 'Representante' },
  'state representative': { en: 'State Representative', m: 'Representante estatal', f: 'Representante estatal' },
  assemblymember: { en: 'Assemblymember', m: 'Asambleísta', f: 'Asambleísta' },
  'assembly member': { en: 'Assembly Member', m: 'Asambleísta', f: 'Asambleísta' },
  assemblyman: { en: 'Assemblyman', m: 'Asambleísta', f: 'Asambleísta' },
  assemblywoman: { en: 'Assemblywoman', m: 'Asambleísta', f: 'Asambleísta' },
  delegate: { en: 'Delegate', m: 'Delegado', f: 'Delegada' },
  councilmember: { en: 'Councilmember', m: 'Concejal', f: 'Concejala' },
};

const STATE_DEFAULTS: Partial<Record<Role, Forms>> = {
  state_senator: STATE_TITLES.senator,
  state_representative: STATE_TITLES.representative,
  state_legislator: STATE_TITLES.senator,
};

function formsFor(person: TitledPerson): Forms {
  const federal = FEDERAL[person.role];
  if (federal) return federal;
  const published = person.title.trim();
  const known = STATE_TITLES[published.toLowerCase()];
  if (known) return { ...known, en: published };
  if (published) return { en: published, m: published, f: published };
  return STATE_DEFAULTS[person.role] ?? { en: '', m: '', f: '' };
}

function spanishTitle(forms: Forms, gender: TitledPerson['gender']): string {
  if (gender === 'F') return forms.f;
  if (gender === 'M' || forms.m === forms.f) return forms.m;
  // Both forms, word by word: "Senador/a", "Comisionado/a Residente", "Alcalde/Alcaldesa".
  const feminine = forms.f.split(' ');
  return forms.m
    .split(' ')
    .map((m, i) => {
      const f = feminine[i] ?? m;
      if (m === f) return m;
      if (f.length === m.length + 1 && f.startsWith(m)) return `${m}/${f.slice(-1)}`;
      if (f.length === m.length && f.slice(0, -1) === m.slice(0, -1)) return `${m}/${f.slice(-1)}`;
      return `${m}/${f}`;
    })
    .join(' ');
}

/** "Senator Alex Padilla" / "Senadora María Cantwell". */
export function officialTitle(person: TitledPerson, lang: Language): string {
  const forms = formsFor(person);
  const title = lang === 'es' ? spanishTitle(forms, person.gender) : forms.en;
  return title ? `${title} ${person.name}` : person.name;
}

/** "the office of Senator Alex Padilla" / "la oficina de la senadora María Cantwell". */
export function officeName(person: TitledPerson, lang: Language): string {
  if (lang === 'en') return `the office of ${officialTitle(person, 'en')}`;
  const forms = formsFor(person);
  const title = spanishTitle(forms, person.gender);
  if (!title) return `la oficina de ${person.name}`;
  // Lower case only a title Voz knows, never an organizer's custom title ("Secretaria de Seguridad Nacional").
  const known = person.role !== 'custom' && (FEDERAL[person.role] || STATE_TITLES[person.title.trim().toLowerCase()]);
  const written = known ? title.charAt(0).toLowerCase() + title.slice(1) : title;
  const article = person.gender === 'F' ? 'de la' : person.gender === 'M' ? 'del' : 'de';
  return `la oficina ${article} ${written} ${person.name}`;
}

/** The official placeholders for one card; null for a vacant seat. */
export function officialTemplateValues(person: TitledPerson | null, lang: Language): TemplateValues | null {
  if (!person) return null;
  return { official: officialTitle(person, lang), office: officeName(person, lang) };
}
