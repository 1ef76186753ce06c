import type { Campaign } from '../campaigns/campaign.ts';
import { campaignToForm } from '../campaigns/campaign-form.ts';

/**
 * What changed in a campaign, in words for the audit trail: short fields with their old and new
 * values, long texts (bodies, scripts, messages) only by name, so the trail stays readable and
 * does not copy whole documents.
 */
const LONG = /\.(body|callScript|message|summary)$/;
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
  campaign: 'Campaign',
};

/** A field's name as the editor labels it: `content.es.body` → "Body (Spanish)". */
export function fieldLabel(key: string): string {
  const content = /^content\.(en|es)\.(\w+)$/.exec(key);
  if (content) return `${CONTENT_LABELS[content[2]!] ?? content[2]} (${LANGUAGE[content[1] as 'en' | 'es']})`;
  const custom = /^customTargets\.(\d+)\.(\w+)$/.exec(key);
  if (custom) return `Custom target ${Number(custom[1]) + 1}: ${CUSTOM_LABELS[custom[2]!] ?? custom[2]}`;
  return LABELS[key] ?? key;
}

const clip = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}…` : v);
const show = (v: string | string[] | undefined) => {
  const text = Array.isArray(v) ? v.join(', ') : (v ?? '');
  return text === '' ? '(empty)' : `"${clip(text)}"`;
};

export function describeChanges(before: Campaign, after: Campaign): string {
  const a = campaignToForm(before);
  const b = campaignToForm(after);
  const changes: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    const same =
      Array.isArray(x) || Array.isArray(y) ? [x].flat().join('\u0000') === [y].flat().join('\u0000') : x === y;
    if (same) continue;
    changes.push(LONG.test(key) ? `${fieldLabel(key)} edited` : `${fieldLabel(key)}: ${show(x)} → ${show(y)}`);
  }
  return changes.length > 0 ? changes.join('; ') : 'no changes';
}
