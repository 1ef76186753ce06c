import { LANGUAGES } from '../domain.ts';
import type { Campaign, CampaignContent } from './campaign.ts';

/**
 * The campaign editor's form, flat as HTML sends it, and the structured input that
 * `parseCampaignInput` checks. Field names are the error keys: `content.en.title`,
 * `customTargets.0.email`, `theme.color`, … `targets` may repeat (one checkbox each);
 * `tags` is comma-separated; `embedEnabled` is a checkbox ("on" when ticked); `embedOrigins` is
 * one site a line.
 */

export type FormFields = Record<string, unknown>;

const CONTENT_FIELDS: readonly (keyof CampaignContent)[] = [
  'title',
  'summary',
  'body',
  'callScript',
  'message',
  'shareText',
];
const CUSTOM_FIELDS = ['id', 'name', 'title', 'phone', 'email', 'contactUrl'] as const;

const one = (v: unknown): string => (Array.isArray(v) ? one(v[0]) : typeof v === 'string' ? v : '');
const many = (v: unknown): string[] => (Array.isArray(v) ? v.map(one) : typeof v === 'string' ? [v] : []);

/**
 * Browsers submit a textarea's line breaks as CRLF (HTML's form-data encoding normalises them);
 * the stored text uses LF, so the limits count what the organizer typed, as `maxlength` does.
 */
const text = (v: unknown): string => one(v).replace(/\r\n?/g, '\n');

/** A custom-target field of the form; the editor numbers rows from 0, two digits at most. */
const CUSTOM_ROW = /^customTargets\.(\d{1,2})\./;

/**
 * Structured input from a submitted form; the result goes to `validateCampaignInput`. Custom
 * targets keep the form's row numbers: an empty row (the editor's spare one, or a row the
 * organizer cleared) is `null` in its place, so an error on row 2 is reported on row 2.
 */
export function campaignInputFromForm(form: FormFields): Record<string, unknown> {
  let rows = 0;
  for (const key of Object.keys(form)) {
    const match = CUSTOM_ROW.exec(key);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  const customTargets = Array.from({ length: rows }, (_, i) => {
    const row = Object.fromEntries(CUSTOM_FIELDS.map((f) => [f, text(form[`customTargets.${i}.${f}`])]));
    return CUSTOM_FIELDS.some((f) => f !== 'id' && row[f]?.trim()) ? row : null;
  });
  return {
    slug: one(form.slug),
    status: one(form.status),
    date: one(form.date),
    defaultLanguage: one(form.defaultLanguage),
    content: Object.fromEntries(
      LANGUAGES.map((lang) => [
        lang,
        Object.fromEntries(CONTENT_FIELDS.map((f) => [f, text(form[`content.${lang}.${f}`])])),
      ]),
    ),
    targets: many(form.targets).filter(Boolean),
    customTargets,
    tags: one(form.tags)
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    shareImageUrl: one(form.shareImageUrl),
    theme: { color: one(form['theme.color']), logoUrl: one(form['theme.logoUrl']) },
    embedEnabled: ['on', 'true', '1'].includes(one(form.embedEnabled)),
    embedOrigins: one(form.embedOrigins)
      .split(/[\s,]+/)
      .filter(Boolean),
    goal: one(form.goal),
  };
}

/** The form's initial values for an existing campaign (targets as an array, the rest strings). */
export function campaignToForm(campaign: Campaign): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    slug: campaign.slug,
    status: campaign.status,
    date: campaign.date,
    defaultLanguage: campaign.defaultLanguage,
    targets: [...campaign.targets],
    tags: campaign.tags.join(', '),
    shareImageUrl: campaign.shareImageUrl ?? '',
    'theme.color': campaign.theme.color ?? '',
    'theme.logoUrl': campaign.theme.logoUrl ?? '',
    embedEnabled: campaign.embedEnabled ? 'on' : '',
    embedOrigins: campaign.embedOrigins.join('\n'),
    goal: campaign.goal === null ? '' : String(campaign.goal),
  };
  for (const lang of LANGUAGES) {
    for (const f of CONTENT_FIELDS) fields[`content.${lang}.${f}`] = campaign.content[lang]?.[f] ?? '';
  }
  campaign.customTargets.forEach((t, i) => {
    for (const f of CUSTOM_FIELDS) fields[`customTargets.${i}.${f}`] = t[f] ?? '';
  });
  return fields;
}
