import type { Campaign } from '../campaigns/campaign.ts';
import { campaignToForm } from '../campaigns/campaign-form.ts';
import type { FieldChange } from './user.ts';

/**
 * What changed in a campaign, for the audit trail: every changed field with its old and new value
 * in full (stored as JSON, shown escaped on the entry's page), and a one-line summary naming the
 * fields, so the trail stays readable however long the texts are.
 */
const LANGUAGE = { en: 'English', es: 'Spanish' } as const;

const CONTENT_LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  body: 'Body',
  callScript: 'Call script',
  message: 'Written message',
  shareText: 'Share text',
};
const CUSTOM_LABELS: Record<string, string> = {
  id: 'id',
  name: 'name',
  title: 'title',
  phone: 'phone',
  email: 'email',
  contactUrl: 'contact URL',
};
const LABELS: Record<string, string> = {
  previewZip: 'Preview ZIP code',
  slug: 'Slug',
  status: 'Status',
  date: 'Date',
  defaultLanguage: 'Default language',
  targets: 'Who supporters contact',
  customTargets: 'Custom targets',
  tags: 'Tags',
  shareImageUrl: 'Share image URL',
  'theme.color': 'Theme colour',
  'theme.logoUrl': 'Logo URL',
  goal: 'Goal',
  embedEnabled: 'Embedding',
  embedOrigins: 'Sites allowed to embed',
  campaign: 'Campaign',
  email: 'Email',
  role: 'Role',
};

/** A field's name as the editor labels it: `content.es.body` → "Body (Spanish)". */
export function fieldLabel(key: string): string {
  const content = /^content\.(en|es)\.(\w+)$/.exec(key);
  if (content) return `${CONTENT_LABELS[content[2]!] ?? content[2]} (${LANGUAGE[content[1] as 'en' | 'es']})`;
  const custom = /^customTargets\.(\d+)\.(\w+)$/.exec(key);
  if (custom) return `Custom target ${Number(custom[1]) + 1}: ${CUSTOM_LABELS[custom[2]!] ?? custom[2]}`;
  return LABELS[key] ?? key;
}

type FormValue = string | string[] | undefined;

const isEmpty = (v: FormValue) => (Array.isArray(v) ? v.length === 0 : (v ?? '') === '');
const same = (x: FormValue, y: FormValue) =>
  Array.isArray(x) || Array.isArray(y)
    ? [x].flat().join('\u0000') === [y].flat().join('\u0000')
    : (x ?? '') === (y ?? '');
const stored = (v: FormValue): string | string[] | null => (v === undefined || isEmpty(v) ? null : v);

/** Every field that differs between two sets of form values, in the form's order. */
export function diff(a: Record<string, FormValue>, b: Record<string, FormValue>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (same(a[field], b[field])) continue;
    changes.push({ field, before: stored(a[field]), after: stored(b[field]) });
  }
  return changes;
}

/** "Title (English), Body (English) and 3 more": the changed fields, by their editor labels. */
export function summarizeFields(changes: readonly FieldChange[], max = 5): string {
  const labels = changes.map((c) => fieldLabel(c.field));
  if (labels.length <= max) return labels.join(', ');
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}

export function describeChanges(before: Campaign, after: Campaign): { summary: string; changes: FieldChange[] } {
  const changes = diff(campaignToForm(before), campaignToForm(after));
  return { summary: changes.length > 0 ? `changed ${summarizeFields(changes)}` : 'no changes', changes };
}

/** A new campaign's initial values, as changes from nothing. */
export function describeCreation(campaign: Campaign): { summary: string; changes: FieldChange[] } {
  return {
    summary: `created "${campaign.slug}" as ${campaign.status}`,
    changes: diff({}, campaignToForm(campaign)),
  };
}
