import type { Campaign } from '../campaigns/campaign.ts';
import { campaignToForm } from '../campaigns/campaign-form.ts';
import { diff, fieldLabel } from './audit.ts';
import type { FormValues } from './campaign-editor.tsx';
import type { FieldChange } from './user.ts';

/**
 * A save refused because someone saved the campaign after this editor opened it. The typed values
 * stay in the form; this lists each field where what is saved now differs from them, so the
 * organizer can bring the other edit in or keep theirs, then save again on purpose.
 */

export interface EditConflict {
  savedAt: string;
  changes: FieldChange[];
}

/** Compares what is saved now with what was typed, field by field, as the audit trail does. */
export function describeConflict(current: Campaign, typed: FormValues): EditConflict {
  const { version: _version, ...values } = typed;
  const saved = campaignToForm(current);
  const fields = new Set(Object.keys(saved));
  const comparable = Object.fromEntries(Object.entries(values).filter(([k]) => fields.has(k) || k === 'targets'));
  return { savedAt: current.updatedAt, changes: diff(comparable, saved) };
}

const show = (v: string | string[] | null) => (v === null ? '(empty)' : [v].flat().join(', '));

export function ConflictNotice(props: { conflict: EditConflict }) {
  const { conflict } = props;
  return (
    <div class="alert" role="alert" id="edit-conflict">
      <h2>Someone else saved this campaign while you were editing</h2>
      <p>
        It was saved at {conflict.savedAt.slice(0, 16).replace('T', ' ')} UTC. Your changes are not saved yet: they are
        still in the form below. Saving again replaces the other version with yours.
      </p>
      {conflict.changes.length === 0 ? (
        <p>The saved version already matches your form.</p>
      ) : (
        <table>
          <caption>Fields where the saved version differs from your form</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your form</th>
              <th scope="col">Saved now</th>
            </tr>
          </thead>
          <tbody>
            {conflict.changes.map((c) => (
              <tr>
                <th scope="row">{fieldLabel(c.field)}</th>
                <td>
                  <div class="value">{show(c.before)}</div>
                </td>
                <td>
                  <div class="value">{show(c.after)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
