import { LIMITS } from '../campaigns/campaign-input.ts';
import { renderMarkdown } from '../campaigns/markdown.ts';
import { PLACEHOLDERS } from '../campaigns/templates.ts';
import { LANGUAGES, type Language, TARGET_KINDS, type TargetKind } from '../domain.ts';
import { fieldLabel } from './audit.ts';
import { CsrfField, Field } from './layout.tsx';

/**
 * The campaign editor: every field of a campaign, named as campaign-form.ts expects, with each
 * error next to its field and a summary at the top. Whatever was typed is rendered back.
 */
export type FormValues = Record<string, string | string[]>;

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish' };
const TARGET_NAMES: Record<TargetKind, string> = {
  president: 'The President',
  senators: 'U.S. senators',
  representative: 'U.S. representative (or delegate)',
  governor: 'Governor',
  state_legislators: 'State legislators',
  custom: 'Custom targets (below)',
};
const SPARE_CUSTOM_ROWS = 1;

const one = (values: FormValues, key: string): string => {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function customRowCount(values: FormValues): number {
  let max = -1;
  for (const key of Object.keys(values)) {
    const m = /^customTargets\.(\d+)\./.exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1 + SPARE_CUSTOM_ROWS;
}

function LanguageFields(props: {
  lang: Language;
  values: FormValues;
  errors: Record<string, string>;
  preview: boolean;
}) {
  const { lang, values, errors } = props;
  const name = (f: string) => `content.${lang}.${f}`;
  const label = LANGUAGE_NAMES[lang];
  const body = one(values, name('body'));
  return (
    <fieldset lang={lang}>
      <legend>{label}</legend>
      <p class="hint">
        Leave every {label} field empty to publish without {label}.
      </p>
      <Field
        name={name('title')}
        label={`Title (${label})`}
        value={one(values, name('title'))}
        error={errors[name('title')]}
        maxlength={LIMITS.title}
      />
      <Field
        name={name('summary')}
        label={`Summary (${label})`}
        value={one(values, name('summary'))}
        error={errors[name('summary')]}
        multiline
        rows={3}
      />
      <Field
        name={name('body')}
        label={`Body, in Markdown (${label})`}
        value={body}
        error={errors[name('body')]}
        hint="Headings, lists, links and emphasis. Use “Preview” to see it as supporters will."
        multiline
        rows={10}
      />
      {props.preview && body ? (
        <section aria-label={`Body preview (${label})`}>
          <h3>Body preview ({label})</h3>
          <div class="md-preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
        </section>
      ) : null}
      <TemplateField
        name={name('callScript')}
        label={`Call script (${label})`}
        what={`the ${label} call script`}
        values={values}
        errors={errors}
      />
      <TemplateField
        name={name('message')}
        label={`Written message (${label})`}
        what={`the ${label} written message`}
        values={values}
        errors={errors}
      />
      <Field
        name={name('shareText')}
        label={`Share text (${label})`}
        value={one(values, name('shareText'))}
        error={errors[name('shareText')]}
        maxlength={LIMITS.shareText}
      />
    </fieldset>
  );
}

function TemplateField(props: {
  name: string;
  label: string;
  what: string;
  values: FormValues;
  errors: Record<string, string>;
}) {
  const id = fieldId(props.name);
  const error = props.errors[props.name];
  return (
    <div class="field" data-field={props.name}>
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        Placeholders: {PLACEHOLDERS.map((p) => `[${p.key}]`).join(' ')}
      </p>
      <textarea
        id={id}
        name={props.name}
        rows={6}
        data-template={props.what}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      >
        {one(props.values, props.name)}
      </textarea>
      <p class="error" id={`${id}-error`} hidden={!error} aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}

function CustomTargets(props: { values: FormValues; errors: Record<string, string> }) {
  const rows = customRowCount(props.values);
  return (
    <fieldset>
      <legend>Custom targets</legend>
      <p class="hint">
        Anyone else to contact: a mayor, an agency. Give at least a phone, an email or a contact URL. The last row is
        empty for a new one.
      </p>
      {Array.from({ length: rows }, (_, i) => {
        const name = (f: string) => `customTargets.${i}.${f}`;
        const v = (f: string) => one(props.values, name(f));
        return (
          <fieldset>
            <legend>Custom target {i + 1}</legend>
            <input type="hidden" name={name('id')} value={v('id')} />
            <div class="grid">
              <Field name={name('name')} label="Name" value={v('name')} error={props.errors[name('name')]} />
              <Field name={name('title')} label="Title" value={v('title')} error={props.errors[name('title')]} />
              <Field
                name={name('phone')}
                label="Phone"
                type="tel"
                value={v('phone')}
                error={props.errors[name('phone')]}
              />
              <Field
                name={name('email')}
                label="Email"
                type="email"
                value={v('email')}
                error={props.errors[name('email')]}
              />
              <Field
                name={name('contactUrl')}
                label="Contact URL"
                type="url"
                value={v('contactUrl')}
                error={props.errors[name('contactUrl')]}
              />
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}

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
      </fieldset>
      <p class="actions-row">
        <button type="submit" name="intent" value="save">
          Save
        </button>
        <button type="submit" name="intent" value="preview">
          Preview body
        </button>
      </p>
    </form>
  );
}
