import type { Campaign } from '../campaigns/campaign.ts';
import { CampaignEditor, type FormValues } from './campaign-editor.tsx';
import { ConflictNotice, type EditConflict } from './edit-conflict.tsx';
import { AdminLayout } from './layout.tsx';
import type { User } from './user.ts';

/** The editor as a whole page, for a new campaign or an existing one, with an optional notice. */

type Body = Record<string, string | File | (string | File)[]>;

/** Fields a browser submits that are not campaign fields. */
const NOT_CAMPAIGN_FIELDS = new Set(['_csrf', 'intent', 'previewZip', 'previewLang']);

/** The editor's values from a submitted body: `targets` may repeat; every other field is one string. */
export function formValues(body: Body, prefix = ''): FormValues {
  const values: FormValues = {};
  for (const [rawKey, value] of Object.entries(body)) {
    if (!rawKey.startsWith(prefix)) continue;
    const key = rawKey.slice(prefix.length);
    if (NOT_CAMPAIGN_FIELDS.has(key)) continue;
    const all = [value].flat().filter((v): v is string => typeof v === 'string');
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    values[name] = name === 'targets' ? all : (all[0] ?? '');
  }
  return values;
}

export const campaignTitle = (campaign: Campaign): string =>
  campaign.content[campaign.defaultLanguage]?.title ?? campaign.slug;

export const editTitle = (campaign: Campaign | null): string =>
  campaign ? `Edit “${campaignTitle(campaign)}”` : 'New campaign';

/** Where the editor saves: the list for a new campaign, the campaign's own path for an edit. */
export const EDITOR_SAVE_PATH = /^\/admin\/campaigns(?:\/(\d+))?$/;

export function EditorPage(props: {
  user: User;
  csrf: string;
  title: string;
  action: string;
  values: FormValues;
  errors?: Record<string, string>;
  preview?: boolean;
  notice?: string;
  conflict?: EditConflict;
}) {
  return (
    <AdminLayout title={props.title} user={props.user} csrf={props.csrf}>
      <h1>{props.title}</h1>
      {props.notice ? (
        <p class="alert" role="alert">
          {props.notice}
        </p>
      ) : null}
      {props.conflict ? <ConflictNotice conflict={props.conflict} /> : null}
      <CampaignEditor
        action={props.action}
        csrf={props.csrf}
        values={props.values}
        errors={props.errors ?? {}}
        preview={props.preview ?? false}
      />
    </AdminLayout>
  );
}
