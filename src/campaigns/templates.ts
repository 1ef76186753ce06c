/**
 * Call scripts and written messages are templates with bracketed placeholders, as on the seed
 * campaign page: "My name is [name]. I am [title or role] of [organization]…".
 *
 * Rules (the editor help text repeats them):
 * - A placeholder is `[` … `]` on one line. Matching ignores case, accents and extra spaces:
 *   "[Title  or Role]", "[ NAME ]" and "[organizacion]" are the same as "[title or role]", "[name]"
 *   and "[organización]". Spanish names are aliases of the English ones, in any language's text.
 * - Anything else in brackets is an error naming the placeholder, the field, the line and column,
 *   with a suggestion when one is close. Write `\[` for a literal bracket.
 *
 * This module has no imports at run time: the pages bundle it with esbuild for the script that
 * fills templates in as the supporter types, so the browser and the server render alike.
 */

export type SupporterPlaceholder = 'name' | 'title or role' | 'organization' | 'community' | 'city' | 'zip';
export type OfficialPlaceholder = 'official' | 'office';
export type PlaceholderKey = SupporterPlaceholder | OfficialPlaceholder;

export interface PlaceholderInfo {
  key: PlaceholderKey;
  /** `supporter`: typed by the supporter; `official`: filled per official card. */
  kind: 'supporter' | 'official';
  /** Spanish spellings accepted as the same placeholder. */
  aliases: readonly string[];
  /** What it becomes, for the editor's help and the supporter's form labels. */
  description: { en: string; es: string };
  /** Longest value a supporter may type (supporter placeholders only); official values come from data. */
  maxLength: number;
}

export const PLACEHOLDERS: readonly PlaceholderInfo[] = [
  {
    key: 'name',
    maxLength: 100,
    kind: 'supporter',
    aliases: ['nombre'],
    description: { en: "The supporter's name", es: 'El nombre de quien participa' },
  },
  {
    key: 'title or role',
    maxLength: 100,
    kind: 'supporter',
    aliases: ['título o cargo', 'cargo'],
    description: { en: 'Their title or role, e.g. "director"', es: 'Su título o cargo, p. ej. "directora"' },
  },
  {
    key: 'organization',
    maxLength: 150,
    kind: 'supporter',
    aliases: ['organización'],
    description: { en: 'Their organization', es: 'Su organización' },
  },
  {
    key: 'community',
    maxLength: 150,
    kind: 'supporter',
    aliases: ['comunidad'],
    description: { en: 'The community they work for', es: 'La comunidad con la que trabaja' },
  },
  {
    key: 'city',
    maxLength: 80,
    kind: 'supporter',
    aliases: ['ciudad'],
    description: { en: 'Their city', es: 'Su ciudad' },
  },
  {
    key: 'zip',
    maxLength: 10,
    kind: 'supporter',
    aliases: ['código postal'],
    description: { en: 'Their ZIP code', es: 'Su código postal' },
  },
  {
    key: 'official',
    maxLength: 0,
    kind: 'official',
    aliases: ['funcionario', 'funcionaria'],
    description: {
      en: 'Title and name of the official contacted, e.g. "Senator Alex Padilla"',
      es: 'Cargo y nombre de quien se contacta, p. ej. "Senador Alex Padilla"',
    },
  },
  {
    key: 'office',
    maxLength: 0,
    kind: 'official',
    aliases: ['oficina'],
    description: {
      en: 'The office being called or written to, e.g. "the office of Senator Alex Padilla"',
      es: 'La oficina a la que se llama o escribe, p. ej. "la oficina del senador Alex Padilla"',
    },
  },
];

export const SUPPORTER_PLACEHOLDERS: readonly SupporterPlaceholder[] = PLACEHOLDERS.filter(
  (p) => p.kind === 'supporter',
).map((p) => p.key as SupporterPlaceholder);

export type TemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; key: PlaceholderKey; raw: string; line: number; column: number };

export interface ParsedTemplate {
  segments: TemplateSegment[];
  /** Placeholders used, each once, in order of first use. */
  keys: PlaceholderKey[];
}

export interface TemplateProblem {
  field: string;
  /** The text as written, brackets included (`[organisation]`), or `[` for an unclosed bracket. */
  placeholder: string;
  line: number;
  column: number;
  suggestion: PlaceholderKey | string | null;
  message: string;
}

/** Lower case, no accents, single spaces: how placeholder names are compared. */
export function normalizePlaceholderName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKUP = new Map<string, PlaceholderKey>();
/** Spellings offered in suggestions, keyed by normalized form. */
const SPELLINGS = new Map<string, string>();
for (const p of PLACEHOLDERS) {
  for (const spelling of [p.key, ...p.aliases]) {
    LOOKUP.set(normalizePlaceholderName(spelling), p.key);
    SPELLINGS.set(normalizePlaceholderName(spelling), spelling);
  }
}

export function placeholderKeyOf(raw: string): PlaceholderKey | null {
  return LOOKUP.get(normalizePlaceholderName(raw)) ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest known spelling, for "did you mean …?"; null when nothing is close. */
export function suggestPlaceholder(raw: string): string | null {
  // The seed page wrote "[XXXXXX]", "[YOUR ORGANIZATION]" and "[TITLE OR ROLE]".
  let wanted = normalizePlaceholderName(raw).replace(/^(your|my|tu|su|mi) /, '');
  if (/^x+$/.test(wanted)) wanted = 'name';
  if (LOOKUP.has(wanted)) return SPELLINGS.get(wanted) ?? null;
  let best: { spelling: string; distance: number } | null = null;
  for (const [normalized, spelling] of SPELLINGS) {
    const distance = editDistance(wanted, normalized);
    if (!best || distance < best.distance) best = { spelling, distance };
  }
  if (!best) return null;
  return best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.spelling : null;
}

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; problems: TemplateProblem[] };

/** Parses once; the result renders many times (per official card, per keystroke). */
export function parseTemplate(text: string, field = 'template'): ParseResult {
  const segments: TemplateSegment[] = [];
  const keys: PlaceholderKey[] = [];
  const problems: TemplateProblem[] = [];
  let buffer = '';
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const flush = () => {
    if (buffer) segments.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '[') {
      buffer += '[';
      i += 2;
      continue;
    }
    if (ch === '\n') {
      buffer += ch;
      line++;
      lineStart = ++i;
      continue;
    }
    if (ch !== '[') {
      buffer += ch;
      i++;
      continue;
    }
    const column = i - lineStart + 1;
    const end = text.indexOf(']', i + 1);
    const newline = text.indexOf('\n', i + 1);
    if (end === -1 || (newline !== -1 && newline < end)) {
      problems.push({
        field,
        placeholder: '[',
        line,
        column,
        suggestion: null,
        message: `An opening bracket "[" in ${field} at line ${line}, column ${column} has no closing "]" on the same line. Write \\[ for a literal bracket.`,
      });
      buffer += ch;
      i++;
      continue;
    }
    const raw = text.slice(i, end + 1);
    const key = placeholderKeyOf(raw.slice(1, -1));
    if (key) {
      flush();
      segments.push({ kind: 'placeholder', key, raw, line, column });
      if (!keys.includes(key)) keys.push(key);
    } else {
      const suggestion = suggestPlaceholder(raw.slice(1, -1));
      const hint = suggestion ? ` Did you mean [${suggestion}]?` : ` Known placeholders: ${knownList()}.`;
      problems.push({
        field,
        placeholder: raw,
        line,
        column,
        suggestion,
        message: `Unknown placeholder ${raw} in ${field} at line ${line}, column ${column}.${hint}`,
      });
      buffer += raw;
    }
    i = end + 1;
  }
  flush();
  return problems.length ? { ok: false, problems } : { ok: true, template: { segments, keys } };
}

function knownList(): string {
  return PLACEHOLDERS.map((p) => `[${p.key}]`).join(', ');
}

/** Problems in a template, empty when it is fine. `field` names it in the messages ("the Spanish message"). */
export function validateTemplate(text: string, field: string): TemplateProblem[] {
  const result = parseTemplate(text, field);
  return result.ok ? [] : result.problems;
}

/** Values to fill in. A missing or blank value leaves the placeholder as written, so the supporter sees what to fill. */
export type TemplateValues = Partial<Record<PlaceholderKey, string | null | undefined>>;

export interface RenderedPart {
  text: string;
  /** Set for placeholders: whether a value was there. The pages highlight unfilled ones. */
  key?: PlaceholderKey;
  filled?: boolean;
}

export function renderTemplateParts(template: ParsedTemplate, values: TemplateValues): RenderedPart[] {
  return template.segments.map((segment) => {
    if (segment.kind === 'text') return { text: segment.text };
    const value = values[segment.key]?.replace(/\s+/g, ' ').trim();
    return value
      ? { text: value, key: segment.key, filled: true }
      : { text: segment.raw, key: segment.key, filled: false };
  });
}

/** Plain text. Escaping is the page's job (JSX does it), so values are inserted as they are. */
export function renderTemplate(template: ParsedTemplate, values: TemplateValues): string {
  return renderTemplateParts(template, values)
    .map((part) => part.text)
    .join('');
}
