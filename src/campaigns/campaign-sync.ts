import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { LANGUAGES, type Language } from '../domain.ts';
import type { NewCampaign } from './campaign.ts';
import {
  CampaignFileError,
  type FileProblem,
  isLanguageFile,
  languageFileName,
  locateError,
  parseLanguageFile,
  parseSettingsFile,
  renderLanguageFile,
  renderSettingsFile,
  SETTINGS_FILE,
  type SourceFile,
} from './campaign-files.ts';
import { parseCampaignInput } from './campaign-input.ts';
import { findCampaignBySlug, insertCampaign, listCampaigns, replaceCampaign } from './campaign-repository.ts';

/**
 * `voz campaigns import|export`: the folder layout is described in campaign-files.ts. An import
 * reads and checks every campaign first and writes only when all are valid, in one transaction:
 * a bad file leaves the store as it was.
 */

/** Larger than any valid campaign file (a body is at most 50,000 characters); refused unread. */
const MAX_FILE_BYTES = 1_000_000;

async function readSource(file: string, shown: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MAX_FILE_BYTES) {
    throw new CampaignFileError({ file: shown, line: 1, message: `file is too large (${info.size} bytes)` });
  }
  return (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
}

/** The campaign, or every problem found in its files. Unreadable YAML stops at the first problem. */
async function readCampaignFolder(root: string, slug: string): Promise<NewCampaign | FileProblem[]> {
  const folder = path.join(root, slug);
  const shown = (name: string) => path.join(root, slug, name);
  const names = await readdir(folder);
  if (!names.includes(SETTINGS_FILE)) {
    throw new CampaignFileError({
      file: shown(SETTINGS_FILE),
      line: 1,
      message: 'missing: every campaign folder needs one',
    });
  }
  const stray = names.find((name) => name.endsWith('.md') && !isLanguageFile(name));
  if (stray) {
    const expected = LANGUAGES.map(languageFileName).join(' or ');
    throw new CampaignFileError({
      file: shown(stray),
      line: 1,
      message: `unknown language file (expected ${expected})`,
    });
  }
  const settingsSource: SourceFile = {
    file: shown(SETTINGS_FILE),
    text: await readSource(shown(SETTINGS_FILE), shown(SETTINGS_FILE)),
    offset: 0,
  };
  const settings = parseSettingsFile(settingsSource);
  const languages: Partial<Record<Language, ReturnType<typeof parseLanguageFile>>> = {};
  for (const lang of LANGUAGES) {
    const name = languageFileName(lang);
    if (names.includes(name))
      languages[lang] = parseLanguageFile(shown(name), await readSource(shown(name), shown(name)));
  }
  // Hand-written folders may leave out what has an obvious default.
  const input = {
    status: 'draft',
    customTargets: [],
    tags: [],
    theme: {},
    embedEnabled: false,
    goal: null,
    ...settings,
    slug,
    content: Object.fromEntries(Object.entries(languages).map(([lang, parsed]) => [lang, parsed.content])),
  };
  const result = parseCampaignInput(input);
  if (result.ok) return result.campaign;
  return Object.entries(result.errors).map(([key, message]) =>
    key === 'slug'
      ? { file: path.join(root, slug), line: 1, message: `the folder name is the slug: ${message}` }
      : { ...locateError(key, settingsSource, languages), message },
  );
}

export interface ImportResult {
  problems: FileProblem[];
  created: string[];
  updated: string[];
}

/** Reads every campaign folder in `dir`; stores them all, or none when any has a problem. */
export async function importCampaigns(
  db: Db,
  dir: string,
  clock: Clock,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const problems: FileProblem[] = [];
  const campaigns: NewCampaign[] = [];
  for (const slug of folders) {
    try {
      const read = await readCampaignFolder(dir, slug);
      if (Array.isArray(read)) problems.push(...read);
      else campaigns.push(read);
    } catch (err) {
      if (!(err instanceof CampaignFileError)) throw err;
      problems.push(err.problem);
    }
  }
  if (folders.length === 0) problems.push({ file: dir, line: 1, message: 'no campaign folders found' });
  const result: ImportResult = { problems, created: [], updated: [] };
  if (problems.length || options.dryRun) return result;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    for (const campaign of campaigns) {
      const existing = await findCampaignBySlug(trx, campaign.slug);
      if (existing) {
        await replaceCampaign(trx, existing.id, campaign, now);
        result.updated.push(campaign.slug);
      } else {
        await insertCampaign(trx, campaign, now);
        result.created.push(campaign.slug);
      }
    }
  });
  return result;
}

/**
 * Writes every campaign, drafts included, one folder each. A language the campaign no longer has
 * loses its file, so exporting into a git checkout and importing again gives the same campaigns.
 */
export async function exportCampaigns(db: Db, dir: string): Promise<string[]> {
  const campaigns = await listCampaigns(db);
  await mkdir(dir, { recursive: true });
  for (const campaign of campaigns) {
    const folder = path.join(dir, campaign.slug);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, SETTINGS_FILE), renderSettingsFile(campaign));
    for (const lang of LANGUAGES) {
      const file = path.join(folder, languageFileName(lang));
      const content = campaign.content[lang];
      if (content) await writeFile(file, renderLanguageFile(content));
      else await rm(file, { force: true });
    }
  }
  return campaigns.map((c) => c.slug);
}
