import yaml from 'js-yaml';
import { LANGUAGES, type Language } from '../domain.ts';
import type { CampaignContent, NewCampaign } from './campaign.ts';
import { validateTemplate } from './templates.ts';

/**
 * Campaigns as files, so an organization can keep them in git and review changes as diffs:
 *
 *   campaigns/
 *     protect-asylum/          the folder name is the slug
 *       campaign.yaml          shared settings: status, date, defaultLanguage, targets,
 *                              customTargets, tags, shareImageUrl, theme, embedEnabled,
 *                              embedOrigins, goal
 *       en.md                  one file per language (en.md, es.md):
 *       es.md                    front matter: title, summary, shareText, callScript, message
 *                                after the front matter: the body, in Markdown
 *
 *   ---
 *   title: Protect the right to seek asylum
 *   summary: Call and write …
 *   callScript: |-
 *     Hello, my name is [name]. …
 *   message: |-
 *     Dear [official], …
 *   shareText: I asked …
 *   ---
 *   Proposals in Washington would …
 *
 * YAML is read with the core schema, so `2026-11-28` stays a string and `no` stays text. This
 * module turns files into the structured input and back; campaign-sync.ts validates and stores.
 */

export const SETTINGS_FILE = 'campaign.yaml';
export const SETTINGS_KEYS = [
  'status',
  'date',
  'defaultLanguage',
  'targets',
  'customTargets',
  'tags',
  'shareImageUrl',
  'theme',
  'embedEnabled',
  'embedOrigins',
  'goal',
] as const;
export const FRONT_MATTER_KEYS = ['title', 'summary', 'shareText', 'callScript', 'message'] as const;

/** A problem in one file; `line` is 1-based. */
export interface FileProblem {
  file: string;
  line: number;
  message: string;
}

export class CampaignFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(`${problem.file}:${problem.line}: ${problem.message}`);
    this.name = 'CampaignFileError';
  }
}

/** The text of one file, kept so validation errors can be traced back to a line. */
export interface SourceFile {
  file: string;
  text: string;
  /** Lines before the content the parsed values come from (the front matter's opening `---`). */
  offset: number;
  /** md files: the 1-based line where the body starts. */
  bodyLine?: number;
}

const dumpOptions: yaml.DumpOptions = { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' };

function loadYaml(text: string, file: string, lineOffset: number): unknown {
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      throw new CampaignFileError({ file, line: err.mark.line + 1 + lineOffset, message: err.reason });
    }
    throw err;
  }
}

function asMapping(value: unknown, file: string, keys: readonly string[], source: SourceFile): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CampaignFileError({ file, line: 1 + source.offset, message: 'expected "key: value" lines' });
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw new CampaignFileError({
        file,
        line: locateKey(source, [key]),
        message: `unknown field "${key}" (expected one of: ${keys.join(', ')})`,
      });
    }
  }
  return value as Record<string, unknown>;
}

export function parseSettingsFile(source: SourceFile): Record<string, unknown> {
  return asMapping(loadYaml(source.text, source.file, 0), source.file, SETTINGS_KEYS, source);
}

/** Splits `---` front matter from the Markdown body. */
export function parseLanguageFile(file: string, raw: string): { source: SourceFile; content: Record<string, unknown> } {
  const text = raw.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new CampaignFileError({
      file,
      line: 1,
      message: 'expected front matter: the file must start with a "---" line',
    });
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end === -1) throw new CampaignFileError({ file, line: 1, message: 'the front matter has no closing "---" line' });
  const frontMatter = lines.slice(1, end).join('\n');
  const source: SourceFile = { file, text: frontMatter, offset: 1, bodyLine: end + 2 };
  const fields = asMapping(loadYaml(frontMatter, file, 1), file, FRONT_MATTER_KEYS, source);
  const body = lines.slice(end + 1).join('\n');
  return { source, content: { ...fields, body } };
}

/**
 * The 1-based line of a key path such as `customTargets.1.email` in YAML text, or the closest
 * enclosing key found, so a message points near the problem even in flow style (`[a, b]`).
 */
export function locateKey(source: SourceFile, path: readonly string[]): number {
  const lines = source.text.split('\n');
  let from = 0;
  let indent = -1;
  let found = 0;
  for (const segment of path) {
    let hit = -1;
    let items = -1;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trim() || line.trimStart().startsWith('#')) continue;
      const lineIndent = line.length - line.trimStart().length;
      if (i > from && lineIndent <= indent && !(lineIndent === indent && line.trimStart().startsWith('- '))) break;
      if (/^\d+$/.test(segment)) {
        const item = /^(\s*)- /.exec(line);
        if (item && item[1]!.length > indent - 2 && ++items === Number(segment)) {
          hit = i;
          indent = item[1]!.length + 1;
          break;
        }
      } else {
        const key = new RegExp(`^(\\s*(?:- )?)${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).exec(line);
        if (key && key[1]!.length > indent) {
          hit = i;
          indent = key[1]!.length;
          break;
        }
      }
    }
    if (hit === -1) break;
    found = hit;
    from = hit;
  }
  return found + 1 + source.offset;
}

/** Where a validation error from `parseCampaignInput` lives in the campaign's files. */
export function locateError(
  key: string,
  settings: SourceFile,
  languages: Partial<Record<Language, { source: SourceFile; content: Record<string, unknown> }>>,
): { file: string; line: number } {
  const path = key.split('.');
  if (path[0] !== 'content') return { file: settings.file, line: locateKey(settings, path) };
  const lang = languages[path[1] as Language];
  if (!lang) return { file: settings.file, line: 1 };
  const field = path[2] ?? 'title';
  if (field === 'body') return { file: lang.source.file, line: lang.source.bodyLine ?? 1 };
  const keyLine = locateKey(lang.source, [field]);
  const value = lang.content[field];
  const keyText = lang.source.text.split('\n')[keyLine - 1 - lang.source.offset] ?? '';
  // A template written as a block (`message: |`) starts on the next line: point at the placeholder itself.
  if ((field === 'callScript' || field === 'message') && typeof value === 'string' && /:\s*[|>]/.test(keyText)) {
    const [problem] = validateTemplate(value, field);
    if (problem) return { file: lang.source.file, line: keyLine + problem.line };
  }
  return { file: lang.source.file, line: keyLine };
}

export function renderSettingsFile(campaign: NewCampaign & { slug: string }): string {
  const settings = Object.fromEntries(SETTINGS_KEYS.map((key) => [key, campaign[key]]));
  return `# Voz campaign "${campaign.slug}" (the folder name is the slug). Texts are in en.md and es.md.\n${yaml.dump(settings, dumpOptions)}`;
}

export function renderLanguageFile(content: CampaignContent): string {
  const fields = Object.fromEntries(FRONT_MATTER_KEYS.map((key) => [key, content[key]]));
  return `---\n${yaml.dump(fields, dumpOptions)}---\n${content.body.trim()}\n`;
}

export const languageFileName = (lang: Language): string => `${lang}.md`;
export const isLanguageFile = (name: string): boolean => LANGUAGES.some((lang) => languageFileName(lang) === name);
