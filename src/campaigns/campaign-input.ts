import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { LANGUAGES, type Language, TARGET_KINDS, type TargetKind } from '../domain.ts';
import type { CampaignContent, CampaignFields, CustomTarget } from './campaign.ts';
import { findCampaignBySlug } from './campaign-repository.ts';
import { contrastWithWhite, httpsUrl, httpUrl, LIMITS, nullIfBlank, optionalText, siteOrigin } from './input-rules.ts';
import { validateTemplate } from './templates.ts';

export { LIMITS } from './input-rules.ts';

/**
 * Validates a campaign as the editor, the importer or a test submits it. Errors are keyed by the
 * field path the editor's form uses (`slug`, `content.es.message`, `customTargets.0.contactUrl`),
 * so each message can be shown next to its field while the form keeps what was typed.
 */

export type FieldErrors = Record<string, string>;
export type CampaignInputResult = { ok: true; campaign: CampaignFields } | { ok: false; errors: FieldErrors };

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish' };
const FIELD_NAMES: Record<keyof CampaignContent, string> = {
  title: 'title',
  summary: 'summary',
  body: 'body',
  callScript: 'call script',
  message: 'written message',
  shareText: 'share text',
};

const content = (lang: Language) => {
  const label = (field: keyof CampaignContent) => `${LANGUAGE_NAMES[lang]} ${FIELD_NAMES[field]}`;
  const template = (field: 'callScript' | 'message') =>
    optionalText(LIMITS[field], label(field)).superRefine((value, ctx) => {
      const problems = validateTemplate(value, `the ${label(field)}`);
      if (problems.length) ctx.addIssue({ code: 'custom', message: problems.map((p) => p.message).join(' ') });
    });
  return z
    .object({
      title: optionalText(LIMITS.title, label('title')).refine((v) => v !== '', `Enter the ${label('title')}.`),
      summary: optionalText(LIMITS.summary, label('summary')),
      body: optionalText(LIMITS.body, label('body')),
      callScript: template('callScript'),
      message: template('message'),
      shareText: optionalText(LIMITS.shareText, label('shareText')),
    })
    .superRefine((value, ctx) => {
      if (!value.callScript && !value.message) {
        ctx.addIssue({
          code: 'custom',
          path: ['callScript'],
          message: `Write a call script or a written message in ${LANGUAGE_NAMES[lang]}.`,
        });
      }
    });
};

/** A language whose fields are all blank is not offered at all. */
function languageContent(lang: Language) {
  return z.preprocess((v) => (isBlankContent(v) ? undefined : v), content(lang).optional());
}

const isBlankContent = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'object' && Object.values(v).every((f) => typeof f !== 'string' || f.trim() === ''));

const customTarget = z.object({
  id: z
    .preprocess(
      nullIfBlank,
      z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/, 'Invalid target id.')
        .nullable(),
    )
    .optional(),
  name: optionalText(LIMITS.name, 'name').refine((v) => v !== '', 'Enter the name.'),
  title: optionalText(LIMITS.name, 'title'),
  phone: z.preprocess(
    nullIfBlank,
    z
      .string()
      .regex(/^\+?[0-9().\- ]{7,25}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i, 'Enter a phone number such as 202-555-0100.')
      .nullable(),
  ),
  email: z.preprocess(
    nullIfBlank,
    z.email('Enter an email address such as office@example.org.').max(LIMITS.email).nullable(),
  ),
  contactUrl: httpUrl('contact URL'),
});

/**
 * The custom targets as the editor numbers them. A null entry is a row the organizer left empty
 * (the editor's spare "add another" row): it is kept in place so that every error names the row
 * the organizer sees, and dropped once the input is valid.
 */
const customTargetRows = z.array(customTarget.nullable(), 'Custom targets must be a list.').superRefine((rows, ctx) => {
  const filled = rows.filter((t) => t !== null).length;
  if (filled > LIMITS.customTargets) {
    ctx.addIssue({ code: 'custom', message: `At most ${LIMITS.customTargets} custom targets.` });
  }
  rows.forEach((target, i) => {
    if (target && !target.phone && !target.email && !target.contactUrl) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'phone'],
        message: 'Give a phone number, an email address or a contact URL, so supporters can reach this target.',
      });
    }
  });
});

const filledRows = <T>(rows: readonly (T | null)[]): T[] => rows.filter((t): t is T => t !== null);

const schema = z
  .object({
    slug: z
      .string({ error: 'Enter a slug.' })
      .trim()
      .min(1, 'Enter a slug: the address of the campaign, such as protect-asylum.')
      .max(LIMITS.slug, `The slug is too long (the limit is ${LIMITS.slug} characters).`)
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'Use lowercase letters, digits and single hyphens only, such as protect-asylum.',
      ),
    status: z.enum(['draft', 'live', 'closed'], 'Choose draft, live or closed.'),
    date: z
      .string({ error: 'Enter the date.' })
      .trim()
      .refine(
        (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
        'Enter a date as YYYY-MM-DD, such as 2026-11-28.',
      ),
    defaultLanguage: z.preprocess(nullIfBlank, z.enum(LANGUAGES, 'Choose English or Spanish.').nullable()).optional(),
    content: z.object({ en: languageContent('en'), es: languageContent('es') }),
    targets: z.array(z.enum(TARGET_KINDS, 'Unknown target.'), 'Choose who to contact.'),
    customTargets: customTargetRows,
    tags: z
      .array(optionalText(LIMITS.tag, 'tag'), 'Tags must be a list.')
      .transform((tags) => [...new Set(tags.filter(Boolean))])
      .pipe(z.array(z.string()).max(LIMITS.tags, `At most ${LIMITS.tags} tags.`)),
    shareImageUrl: httpUrl('share image URL', true),
    theme: z.object(
      {
        color: z.preprocess(
          (v) => (typeof v === 'string' ? nullIfBlank(v.toLowerCase()) : nullIfBlank(v)),
          z
            .string()
            .regex(/^#[0-9a-f]{6}$/, 'Enter a colour as #rrggbb, such as #0b5394.')
            .superRefine((v, ctx) => {
              const contrast = contrastWithWhite(v);
              if (contrast < 4.5) {
                ctx.addIssue({
                  code: 'custom',
                  message: `${v} is too light for white text on buttons (contrast ${contrast.toFixed(1)}:1; WCAG AA needs 4.5:1). Choose a darker colour.`,
                });
              }
            })
            .nullable(),
        ),
        logoUrl: httpsUrl('logo URL'),
      },
      'The theme must have a color and a logoUrl.',
    ),
    embedEnabled: z.boolean('Embedding must be on or off (true or false).'),
    embedOrigins: z
      .array(z.string('Each site must be text.'), 'The sites allowed to embed must be a list.')
      .default([])
      .superRefine((sites, ctx) => {
        const bad = sites.find((site) => siteOrigin(site) === null);
        if (bad !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: `"${bad.slice(0, 80)}" is not a site address. Write each site as its scheme and host only, such as https://www.example.org.`,
          });
        } else if (new Set(sites.map(siteOrigin)).size > LIMITS.embedOrigins) {
          ctx.addIssue({ code: 'custom', path: [], message: `At most ${LIMITS.embedOrigins} sites.` });
        }
      })
      .transform((sites) => [...new Set(sites.map((site) => siteOrigin(site) as string))]),
    goal: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? null : Number(v.trim())) : (v ?? null)),
      z
        .number('Enter the goal as a whole number.')
        .int('Enter the goal as a whole number.')
        .min(1, 'The goal must be at least 1.')
        .max(100_000_000, 'The goal is too large.')
        .nullable(),
    ),
  })
  .superRefine((value, ctx) => {
    const languages = LANGUAGES.filter((lang) => value.content[lang]);
    if (languages.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['content', 'en', 'title'],
        message: 'Write the campaign in English or Spanish (or both).',
      });
    } else if (value.defaultLanguage && !languages.includes(value.defaultLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: `The default language must be one the campaign is written in (${languages.map((l) => LANGUAGE_NAMES[l]).join(', ')}).`,
      });
    }
    const customCount = filledRows(value.customTargets).length;
    if (value.targets.includes('custom') && customCount === 0) {
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'Add a custom target, or untick "custom".' });
    } else if (value.targets.length === 0 && customCount === 0) {
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'Choose at least one target to contact.' });
    }
  });

function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'target'
  );
}

/** Custom targets keep their id across edits (outcomes refer to it); new ones get one from their name. */
function withIds(targets: z.output<typeof customTarget>[]): CustomTarget[] {
  const used = new Set<string>();
  return targets.map((t) => {
    let id = t.id ?? `custom-${slugify(t.name)}`;
    for (let n = 2; used.has(id); n++) id = `${t.id ?? `custom-${slugify(t.name)}`}-${n}`;
    used.add(id);
    return { id, name: t.name, title: t.title, phone: t.phone, email: t.email, contactUrl: t.contactUrl };
  });
}

/** Checks every field; needs no database (the slug's uniqueness is checked by `validateCampaignInput`). */
export function parseCampaignInput(input: unknown): CampaignInputResult {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.') || 'campaign';
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const languages = LANGUAGES.filter((lang) => v.content[lang]);
  const customTargets = filledRows(v.customTargets);
  const targets: TargetKind[] = TARGET_KINDS.filter(
    (t) => v.targets.includes(t) || (t === 'custom' && customTargets.length > 0),
  );
  return {
    ok: true,
    campaign: {
      slug: v.slug,
      status: v.status,
      date: v.date,
      defaultLanguage: v.defaultLanguage ?? languages[0]!,
      content: Object.fromEntries(languages.map((lang) => [lang, v.content[lang]])),
      targets,
      customTargets: withIds(customTargets),
      tags: v.tags,
      shareImageUrl: v.shareImageUrl,
      theme: { color: v.theme.color, logoUrl: v.theme.logoUrl },
      embedEnabled: v.embedEnabled,
      embedOrigins: v.embedOrigins,
      goal: v.goal,
    },
  };
}

/** Every field, plus the slug's uniqueness: `exceptId` is the campaign being edited. */
export async function validateCampaignInput(
  db: Db,
  input: unknown,
  options: { exceptId?: number } = {},
): Promise<CampaignInputResult> {
  const result = parseCampaignInput(input);
  const typed = typeof input === 'object' && input !== null ? (input as { slug?: unknown }).slug : null;
  const slug = typeof typed === 'string' ? typed.trim() : '';
  if (!slug || (!result.ok && 'slug' in result.errors)) return result;
  const existing = await findCampaignBySlug(db, slug);
  if (!existing || existing.id === options.exceptId) return result;
  const taken = `The slug "${slug}" is already used by another campaign.`;
  return { ok: false, errors: { ...(result.ok ? {} : result.errors), slug: taken } };
}
