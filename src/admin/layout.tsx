import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../http/csrf.ts';
import type { User } from './user.ts';

/**
 * The organizer pages' frame. Styles are small and inline so the workspace needs no asset route;
 * colours meet WCAG 2.2 AA contrast on white.
 */
const STYLE = `
:root{--ink:#1b1b1b;--muted:#4a4a4a;--accent:#0b5394;--bad:#a4000f;--line:#c9c9c9;--bg:#f6f6f6}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:var(--ink);background:#fff}
a{color:var(--accent)}header.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:.5rem 1rem;background:var(--bg);border-bottom:1px solid var(--line)}
header.top nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0;flex-wrap:wrap}
main{max-width:64rem;margin:0 auto;padding:1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
label{display:block;font-weight:600;margin-top:.75rem}input,textarea,select{font:inherit;padding:.4rem;border:1px solid #767676;border-radius:4px;max-width:100%}
input[type=text],input[type=email],input[type=password],input[type=url],input[type=number],textarea{width:100%}
button,.button{font:inherit;min-height:44px;padding:.5rem 1rem;border:0;border-radius:4px;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.link{background:none;color:var(--accent);text-decoration:underline;padding:0;min-height:0}
.error{color:var(--bad);font-weight:600}.hint{color:var(--muted);font-size:.9rem;margin:.1rem 0}
[aria-invalid=true]{border:2px solid var(--bad)}
.notice{padding:.75rem;border-left:4px solid var(--accent);background:var(--bg)}
.alert{padding:.75rem;border-left:4px solid var(--bad);background:#fff0f0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
fieldset{border:1px solid var(--line);margin:1rem 0;padding:.5rem 1rem 1rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.meter{height:1.25rem;background:var(--bg);border:1px solid #767676}.meter>span{display:block;height:100%;background:var(--accent)}
svg{max-width:100%;height:auto}figure{margin:1rem 0}
details{margin:.5rem 0}
`;

export function AdminLayout(props: { title: string; user: User | null; csrf: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · Voz admin`}</title>
        <style>{STYLE}</style>
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
                  <li>
                    <a href="/admin/users">People</a>
                  </li>
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
