import { fieldLabel } from './audit.ts';
import type { AuditEntry, FieldChange } from './user.ts';

/** The audit trail as tables: a list of entries, and one entry's changes with old and new values. */

const when = (at: string) => at.slice(0, 16).replace('T', ' ');
/** "campaign.update" → "update" on a campaign's own trail; other actions keep their kind. */
const verb = (action: string) => (action.startsWith('campaign.') ? action.slice('campaign.'.length) : action);

export function AuditList(props: { entries: AuditEntry[]; caption: string }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((e) => (
          <tr>
            <td>{when(e.at)}</td>
            <td>{e.userEmail}</td>
            <td>
              <strong>{verb(e.action)}</strong>: {e.summary}
            </td>
            <td>
              {e.changes.length > 0 ? (
                <a href={`/admin/audit/${e.id}`} aria-label={`What changed at ${when(e.at)}`}>
                  {e.changes.length === 1 ? '1 field' : `${e.changes.length} fields`}
                </a>
              ) : (
                '–'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Value(props: { value: FieldChange['before'] }) {
  if (props.value === null) return <span class="hint">(empty)</span>;
  return <div class="value">{Array.isArray(props.value) ? props.value.join(', ') : props.value}</div>;
}

export function ChangesTable(props: { entry: AuditEntry }) {
  return (
    <table class="changes">
      <caption>Each field's value before and after</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {props.entry.changes.map((change) => (
          <tr>
            <th scope="row">{fieldLabel(change.field)}</th>
            <td>
              <Value value={change.before} />
            </td>
            <td>
              <Value value={change.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
