import type { DbHandle } from '../db/database.ts';
import type { ActionRecord } from './action.ts';
import { type ActionCursor, listActionsAfter } from './action-repository.ts';
import { csvLine } from './csv.ts';
import type { SignupRecord } from './signup-repository.ts';
import type { DescribeTarget } from './target-names.ts';

export type ExportFormat = 'csv' | 'json';

const ACTION_COLUMNS = [
  'created_at',
  'target',
  'target_name',
  'target_label',
  'channel',
  'outcome',
  'state',
  'district',
  'language',
] as const;
const PAGE = 5000;

/** Exported rows of one hour follow their content, not their arrival (see campaignActions). */
const text = (v: string | null) => v ?? '';
function byContent(a: ActionRecord, b: ActionRecord): number {
  for (const key of ['target', 'channel', 'outcome', 'state', 'district', 'language'] as const) {
    const [x, y] = [text(a[key]), text(b[key])];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * A campaign's actions, page by page, so a large campaign streams instead of filling memory:
 * hour by hour, and within an hour sorted by content. Row ids follow arrival, and an export listed
 * in id order would let anyone with timed logs of the same hour match rows to requests; neither the
 * ids nor that order leave Voz. One hour's actions are held at once.
 */
export async function* campaignActions(handle: DbHandle, campaignId: number): AsyncGenerator<ActionRecord> {
  let after: ActionCursor | null = null;
  let hour: ActionRecord[] = [];
  for (;;) {
    const page = await listActionsAfter(handle.db, campaignId, after, PAGE);
    for (const action of page) {
      if (hour.length > 0 && hour[0]!.createdAt !== action.createdAt) {
        yield* hour.sort(byContent);
        hour = [];
      }
      hour.push(action);
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
  yield* hour.sort(byContent);
}

const actionFields = (a: ActionRecord, describe: DescribeTarget) => {
  const names = describe(a.target);
  return {
    created_at: a.createdAt,
    target: a.target,
    target_name: names.name,
    target_label: names.label,
    channel: a.channel,
    outcome: a.outcome,
    state: a.state,
    district: a.district,
    language: a.language,
  };
};

/**
 * Writes the actions as CSV (with a header row) or as one JSON array, chunk by chunk. Each row
 * keeps the raw target id and adds the target's name and seat label (target-names.ts).
 */
export async function writeActions(
  actions: AsyncIterable<ActionRecord>,
  format: ExportFormat,
  write: (chunk: string) => Promise<void> | void,
  describe: DescribeTarget = () => ({ name: null, label: null }),
): Promise<number> {
  let n = 0;
  if (format === 'csv') {
    await write(csvLine(ACTION_COLUMNS));
    for await (const a of actions) {
      const f = actionFields(a, describe);
      await write(csvLine(ACTION_COLUMNS.map((k) => f[k])));
      n++;
    }
    return n;
  }
  await write('[');
  for await (const a of actions) {
    await write(`${n === 0 ? '\n' : ',\n'}${JSON.stringify(actionFields(a, describe))}`);
    n++;
  }
  await write(n === 0 ? ']\n' : '\n]\n');
  return n;
}

const SIGNUP_COLUMNS = [
  'campaign',
  'name',
  'email',
  'zip',
  'consent_text',
  'created_at',
  'renewed_consent_text',
  'renewed_at',
] as const;

/** One row per supporter: the first consent, and the latest one given again (empty if none). */
export function formatSignups(signups: SignupRecord[], format: ExportFormat): string {
  const rows = signups.map((s) => ({
    campaign: s.campaignSlug,
    name: s.name,
    email: s.email,
    zip: s.zip,
    consent_text: s.consentText,
    created_at: s.createdAt,
    renewed_consent_text: s.renewed?.consentText ?? null,
    renewed_at: s.renewed?.createdAt ?? null,
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return [csvLine(SIGNUP_COLUMNS), ...rows.map((r) => csvLine(SIGNUP_COLUMNS.map((k) => r[k])))].join('');
}
