import type { Context, ErrorHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { findCampaign } from '../campaigns/campaigns.ts';
import { cookieOptions } from '../http/cookies.ts';
import { CSRF_COOKIE, isForeignOrigin } from '../http/csrf.ts';
import { HttpError } from '../http/errors.ts';
import { sendHtml } from '../web/respond.ts';
import { readSession } from './accounts.ts';
import { fieldLabel } from './audit.ts';
import type { FormValues } from './campaign-editor.tsx';
import { EDITOR_SAVE_PATH, EditorPage, editTitle, formValues } from './editor-page.tsx';
import type { AdminDeps, AdminEnv } from './env.ts';
import { AdminLayout } from './layout.tsx';
import { LoginPage } from './login-page.tsx';
import { canCreateCampaign } from './permissions.ts';
import { SESSION_COOKIE } from './session.ts';

/**
 * A campaign save the workspace refuses because the session ended or the form's CSRF token went
 * stale (signed out and in again in another tab, a tab left open for days) must not lose what
 * the organizer typed. Nothing is saved: the refusal stands. Instead of a bare error page:
 * - signed out: a sign-in page carrying the edits, which reopens the editor with them;
 * - still signed in (a stale token): the editor again, with the edits and a fresh token;
 * - when the browser does not show that the form came from Voz's own pages (no Origin or
 *   Sec-Fetch-Site): only a read-only copy of the text, so another site cannot fill in an editor.
 * A form from another site (Origin naming it) gets the plain refusal.
 */
const REFUSALS = new Set(['csrf_failed', 'sign_in_required']);
/** Kept values travel through the sign-in form under this prefix, apart from its own fields. */
export const KEPT_PREFIX = 'kept.';

const isForm = (type: string | undefined) =>
  !!type && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'));

/** Whether the browser says this request came from a page of this site (Fetch Metadata, or Origin). */
function cameFromThisSite(c: Context, deps: AdminDeps): boolean {
  if (c.req.header('sec-fetch-site') === 'same-origin') return true;
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== 'null' && !isForeignOrigin(origin, c, deps.config);
}

/**
 * The workspace's own error handler, in front of the application's: it answers a refused
 * campaign save with one of the pages above and passes every other error on unchanged.
 */
export function keepRefusedEdits(deps: AdminDeps): ErrorHandler<AdminEnv> {
  return async (err, c) => {
    const refused =
      err instanceof HttpError &&
      REFUSALS.has(err.code) &&
      c.req.method === 'POST' &&
      EDITOR_SAVE_PATH.test(c.req.path) &&
      isForm(c.req.header('content-type'));
    if (!refused) throw err;
    const values = formValues(await c.req.parseBody({ all: true }));
    const resume = c.req.path;
    if (!cameFromThisSite(c, deps)) {
      return sendHtml(c, <CopyPage csrf={c.get('csrfToken') ?? ''} reason={err.message} values={values} />, err.status);
    }
    const raw = getCookie(c, SESSION_COOKIE);
    const session = raw ? await readSession(deps, raw) : null;
    if (!session) {
      return sendHtml(
        c,
        <LoginPage csrf={c.get('csrfToken') ?? ''} email="" next="/admin" kept={{ resume, values }} />,
        401,
      );
    }
    // The reopened form carries the session's token; the cookie must match it (a double submit).
    setCookie(c, CSRF_COOKIE, session.csrfToken, cookieOptions(c, deps.config, { maxAge: 60 * 60 * 24 * 7 }));
    return resumeEditor(c, deps, {
      user: session.user,
      csrf: session.csrfToken,
      resume,
      values,
      notice: 'This form had expired, so nothing was saved. Your changes are below: check them and save again.',
      status: 403,
    });
  };
}

/** The editor reopened with kept edits (after signing in again, or with a fresh token). */
export async function resumeEditor(
  c: Context,
  deps: AdminDeps,
  opts: {
    user: Parameters<typeof canCreateCampaign>[0];
    csrf: string;
    resume: string;
    values: FormValues;
    notice: string;
    status: 200 | 403;
  },
): Promise<Response> {
  const id = EDITOR_SAVE_PATH.exec(opts.resume)?.[1];
  const campaign = id ? await findCampaign(deps.db, Number(id)) : null;
  const refusal = !canCreateCampaign(opts.user)
    ? 'Your role does not allow editing campaigns, so these changes cannot be saved from this account.'
    : id && !campaign
      ? 'This campaign no longer exists, so these changes cannot be saved into it.'
      : null;
  // Nothing to save into, but the text is still the organizer's.
  if (refusal) return sendHtml(c, <CopyPage csrf={opts.csrf} reason={refusal} values={opts.values} />, opts.status);
  return sendHtml(
    c,
    <EditorPage
      user={opts.user}
      csrf={opts.csrf}
      title={editTitle(campaign)}
      action={opts.resume}
      values={opts.values}
      notice={opts.notice}
    />,
    opts.status,
  );
}

/** The kept edits as hidden fields of the sign-in form. */
export function KeptFields(props: { resume: string; values: FormValues }) {
  return (
    <>
      <input type="hidden" name="resume" value={props.resume} />
      {Object.entries(props.values).flatMap(([name, value]) =>
        [value].flat().map((v) => <input type="hidden" name={`${KEPT_PREFIX}${name}`} value={v} />),
      )}
    </>
  );
}

/** Every filled field as "Label:" and its text, for copying by hand. */
export function keptText(values: FormValues): string {
  return Object.entries(values)
    .filter(([name, value]) => !name.endsWith('.id') && [value].flat().join('').trim() !== '')
    .map(([name, value]) => `${fieldLabel(name)}:\n${[value].flat().join(', ')}`)
    .join('\n\n');
}

export function KeptText(props: { values: FormValues }) {
  return (
    <details>
      <summary>Your changes as text, to copy</summary>
      <label for="kept-text">Everything you typed, field by field</label>
      <textarea id="kept-text" readonly rows={12}>
        {keptText(props.values)}
      </textarea>
    </details>
  );
}

function CopyPage(props: { csrf: string; reason: string; values: FormValues }) {
  return (
    <AdminLayout title="Changes not saved" user={null} csrf={props.csrf}>
      <h1>Your changes were not saved</h1>
      <p class="alert" role="alert">
        {props.reason}
      </p>
      <p>Copy your text below, open the editor again from the campaign list, and paste it back.</p>
      <label for="kept-text">Everything you typed, field by field</label>
      <textarea id="kept-text" readonly rows={20}>
        {keptText(props.values)}
      </textarea>
      <p>
        <a href="/admin/campaigns">Campaigns</a>
      </p>
    </AdminLayout>
  );
}

/** The kept edits a sign-in form carried, or null when it carried none. */
export function keptFromLogin(body: Record<string, string | File | (string | File)[]>): {
  resume: string;
  values: FormValues;
} | null {
  const resume = typeof body.resume === 'string' ? body.resume : '';
  if (!EDITOR_SAVE_PATH.test(resume)) return null;
  return { resume, values: formValues(body, KEPT_PREFIX) };
}
