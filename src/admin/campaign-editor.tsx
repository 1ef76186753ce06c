import { LIMITS } from '../campaigns/campaign-input.ts';
import { LANGUAGES, TARGET_KINDS, type TargetKind } from '../domain.ts';
import { fieldLabel } from './audit.ts';
import { CustomTargets, type FormValues, fieldId, LANGUAGE_NAMES, LanguageFields, one } from './editor-fields.tsx';
import { CsrfField, Field } from './layout.tsx';

/**
 * The campaign editor: every field of a campaign, named as campaign-form.ts expects, with each
 * error next to its field and a summary at the top. Whatever was typed is rendered back.
 */
export type { FormValues };
export { fieldId };

const TARGET_NAMES: Record<TargetKind, string> = {
  president: 'The President',
  senators: 'U.S. senators',
  representative: 'U.S. representative (or delegate)',
  governor: 'Governor',
  state_legislators: 'State legislators',
  custom: 'Custom targets (below)',
};

/** Where the editor posts its values to be previewed: beside the save path, for a new campaign too. */
export const previewAction = (saveAction: string): string =>
  saveAction === '/admin/campaigns' ? '/admin/campaigns/new/preview' : `${saveAction}/preview`;

export function CampaignEditor(props: {
  action: string;
  csrf: string;
  values: FormValues;
  errors: Record<string, string>;
  preview: boolean;
}) {
  const { values, errors } = props;
  const targets = new Set([values.targets ?? []].flat());
  const errorEntries = Object.entries(errors);
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      {one(values, 'version') ? <input type="hidden" name="version" value={one(values, 'version')} /> : null}
      {errorEntries.length > 0 ? (
        <div class="errors-summary" role="alert" tabindex={-1}>
          <h2>Please fix {errorEntries.length === 1 ? 'this problem' : `these ${errorEntries.length} problems`}</h2>
          <ul>
            {errorEntries.map(([key, message]) => (
              <li>
                <a href={`#${fieldId(key)}`}>{fieldLabel(key)}</a>: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="grid">
        <Field
          name="slug"
          label="Slug (the campaign's address: /c/slug)"
          value={one(values, 'slug')}
          error={errors.slug}
          {...(props.action !== '/admin/campaigns' && one(values, 'status') === 'live'
            ? {
                hint: 'This campaign is live: a new slug changes its address. Links and embeds with the old address are redirected, but it stays on anything printed or shared as text.',
              }
            : {})}
          maxlength={LIMITS.slug}
        />
        <Field name="date" label="Date (YYYY-MM-DD)" value={one(values, 'date')} error={errors.date} />
      </div>
      <div class="grid">
        <div class="field">
          <label for="f-status">Status</label>
          <select id="f-status" name="status">
            {(['draft', 'live', 'closed'] as const).map((s) => (
              <option value={s} selected={one(values, 'status') === s}>
                {s}
              </option>
            ))}
          </select>
          {errors.status ? <p class="error">{errors.status}</p> : null}
        </div>
        <div class="field">
          <label for="f-defaultLanguage">Default language</label>
          <select
            id="f-defaultLanguage"
            name="defaultLanguage"
            aria-invalid={errors.defaultLanguage ? 'true' : undefined}
          >
            {LANGUAGES.map((l) => (
              <option value={l} selected={(one(values, 'defaultLanguage') || 'en') === l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          {errors.defaultLanguage ? <p class="error">{errors.defaultLanguage}</p> : null}
        </div>
      </div>
      <fieldset id={fieldId('targets')} tabindex={-1}>
        <legend>Who supporters contact</legend>
        {TARGET_KINDS.map((kind) => (
          <div>
            <input type="checkbox" id={`f-target-${kind}`} name="targets" value={kind} checked={targets.has(kind)} />{' '}
            <label for={`f-target-${kind}`} class="inline">
              {TARGET_NAMES[kind]}
            </label>
          </div>
        ))}
        {errors.targets ? <p class="error">{errors.targets}</p> : null}
      </fieldset>
      {LANGUAGES.map((lang) => (
        <LanguageFields lang={lang} values={values} errors={errors} preview={props.preview} />
      ))}
      <CustomTargets values={values} errors={errors} />
      <fieldset>
        <legend>Sharing, look and embedding</legend>
        <Field name="tags" label="Tags (comma-separated)" value={one(values, 'tags')} error={errors.tags} />
        <Field
          name="shareImageUrl"
          label="Share image URL"
          type="url"
          value={one(values, 'shareImageUrl')}
          error={errors.shareImageUrl}
        />
        <div class="grid">
          <Field
            name="theme.color"
            label="Theme colour (#rrggbb)"
            value={one(values, 'theme.color')}
            error={errors['theme.color']}
            hint="Dark enough for white text on buttons."
          />
          <Field
            name="theme.logoUrl"
            label="Logo URL"
            hint="An https:// address of the image on your own website; Voz does not host images."
            type="url"
            value={one(values, 'theme.logoUrl')}
            error={errors['theme.logoUrl']}
          />
          <Field
            name="goal"
            label="Goal (number of actions)"
            type="number"
            value={one(values, 'goal')}
            error={errors.goal}
          />
        </div>
        <div>
          <input
            type="checkbox"
            id="f-embedEnabled"
            name="embedEnabled"
            value="on"
            checked={one(values, 'embedEnabled') === 'on'}
          />{' '}
          <label for="f-embedEnabled" class="inline">
            Allow other sites to embed this campaign
          </label>
        </div>
        <Field
          name="embedOrigins"
          label="Sites allowed to embed it"
          value={one(values, 'embedOrigins')}
          error={errors.embedOrigins}
          hint="One site a line, such as https://www.example.org. Leave empty to let any site embed it."
          multiline
          rows={3}
          maxlength={(LIMITS.url + 1) * LIMITS.embedOrigins}
        />
      </fieldset>
      <p class="actions-row">
        <button type="submit" name="intent" value="save">
          Save
        </button>
        <button type="submit" name="intent" value="preview">
          Preview body
        </button>
      </p>
      <fieldset>
        <legend>Preview as a supporter, before saving</legend>
        <p class="hint">
          Shows these values, saved or not, as a supporter from this ZIP code would see them. Nothing is saved or
          recorded.
        </p>
        <div class="actions-row">
          <Field
            name="previewZip"
            label="ZIP code"
            value={one(values, 'previewZip')}
            error={errors.previewZip}
            maxlength={5}
          />
          <div class="field">
            <label for="f-previewLang">Language</label>
            <select id="f-previewLang" name="previewLang">
              {LANGUAGES.map((l) => (
                <option value={l} selected={one(values, 'previewLang') === l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" formaction={previewAction(props.action)} formnovalidate>
            Preview as a supporter
          </button>
        </div>
      </fieldset>
    </form>
  );
}
