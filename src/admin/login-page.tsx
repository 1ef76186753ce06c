import type { FormValues } from './campaign-editor.tsx';
import { KeptFields, KeptText } from './kept-form.tsx';
import { AdminLayout, CsrfField, Field } from './layout.tsx';

/**
 * The sign-in page. With `kept`, it is the page a refused save leads to: the organizer signs in
 * again, and the edits they had typed ride along in hidden fields and come back in the editor.
 */
export interface KeptEdits {
  /** The editor path the edits were meant for (/admin/campaigns or /admin/campaigns/:id). */
  resume: string;
  values: FormValues;
}

export function LoginPage(props: { csrf: string; email: string; next: string; error?: string; kept?: KeptEdits }) {
  const { kept } = props;
  return (
    <AdminLayout title={kept ? 'Sign in to keep your changes' : 'Sign in'} user={null} csrf={props.csrf}>
      <h1>{kept ? 'Sign in to keep your changes' : 'Sign in'}</h1>
      {kept ? (
        <p class="notice">
          Your session ended before you saved, so nothing has been saved yet. Your changes are kept on this page: sign
          in, and the editor opens again with them, ready to save.
        </p>
      ) : null}
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/admin/login">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        {kept ? <KeptFields resume={kept.resume} values={kept.values} /> : null}
        <Field name="email" label="Email" type="email" value={props.email} required autocomplete="username" />
        <Field name="password" label="Password" type="password" required autocomplete="current-password" />
        <p>
          <button type="submit">{kept ? 'Sign in and return to the editor' : 'Sign in'}</button>
        </p>
      </form>
      {kept ? <KeptText values={kept.values} /> : null}
    </AdminLayout>
  );
}
