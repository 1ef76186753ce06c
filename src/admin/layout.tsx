import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../http/csrf.ts';
import { loadAdminAssets } from './assets.ts';
import type { User } from './user.ts';

/**
 * The organizer pages' frame. The stylesheet and script are same-origin assets (the pages'
 * Content-Security-Policy allows no inline styles or scripts).
 */

export function AdminLayout(props: { title: string; user: User | null; csrf: string; children: Child }) {
  const assets = loadAdminAssets();
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · Voz admin`}</title>
        <link rel="stylesheet" href={assets.css.url} />
        <script src={assets.js.url} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a href="/admin">Voz admin</a>
          {props.user ? (
            <nav aria-label="Admin">
              <ul>
                <li>
                  <a href="/admin">Campaigns</a>
                </li>
                {props.user.role === 'owner' ? (
                  <>
                    <li>
                      <a href="/admin/users">People</a>
                    </li>
                    <li>
                      <a href="/admin/activity">Account activity</a>
                    </li>
                  </>
                ) : null}
                <li>
                  <a href="/admin/account">Account ({props.user.email})</a>
                </li>
                <li>
                  <form method="post" action="/admin/logout">
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="link">
                      Sign out
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

export const CsrfField = (props: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={props.token} />;

/** A labelled input with its hint and error, wired with aria-describedby so screen readers read both. */
export function Field(props: {
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
}) {
  const id = `f-${props.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': described || undefined,
    maxlength: props.maxlength,
  };
  return (
    <div class="field" data-field={props.name}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 6}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value ?? ''} autocomplete={props.autocomplete} />
      )}
      <p class="error" id={`${id}-error`} hidden={!props.error}>
        {props.error ?? ''}
      </p>
    </div>
  );
}

/** Form values arrive as strings or files; the admin forms only take strings. */
export function text(body: Record<string, string | File | (string | File)[]>, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export function texts(body: Record<string, string | File | (string | File)[]>, name: string): string[] {
  const value = body[name] ?? body[`${name}[]`];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((v): v is string => typeof v === 'string');
}
