import { LIMITS } from '../campaigns/campaign-input.ts';
import { renderMarkdown } from '../campaigns/markdown.ts';
import { PLACEHOLDERS } from '../campaigns/templates.ts';
import type { Language } from '../domain.ts';
import { Field } from './layout.tsx';

/** The editor's repeated parts: one fieldset per language, template fields, custom target rows. */
export type FormValues = Record<string, string | string[]>;

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish' };
const SPARE_CUSTOM_ROWS = 1;

export const one = (values: FormValues, key: string): string => {
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

export function LanguageFields(props: {
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
        maxlength={LIMITS.summary}
      />
      <Field
        name={name('body')}
        label={`Body, in Markdown (${label})`}
        value={body}
        error={errors[name('body')]}
        hint={`Headings, lists, links and emphasis, up to ${LIMITS.body.toLocaleString('en-US')} characters. Use “Preview” to see it as supporters will.`}
        multiline
        rows={10}
        maxlength={LIMITS.body}
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
        maxlength={LIMITS.callScript}
      />
      <TemplateField
        name={name('message')}
        label={`Written message (${label})`}
        what={`the ${label} written message`}
        values={values}
        errors={errors}
        maxlength={LIMITS.message}
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
  maxlength: number;
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
        maxlength={props.maxlength}
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

export function CustomTargets(props: { values: FormValues; errors: Record<string, string> }) {
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
              <Field
                name={name('name')}
                label="Name"
                value={v('name')}
                error={props.errors[name('name')]}
                maxlength={LIMITS.name}
              />
              <Field
                name={name('title')}
                label="Title"
                value={v('title')}
                error={props.errors[name('title')]}
                maxlength={LIMITS.name}
              />
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
                maxlength={LIMITS.email}
              />
              <Field
                name={name('contactUrl')}
                label="Contact URL"
                type="url"
                value={v('contactUrl')}
                error={props.errors[name('contactUrl')]}
                maxlength={LIMITS.url}
              />
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
