import { createHash } from 'node:crypto';
import type { CampaignCounts } from '../actions/counts.ts';
import { resolveTarget } from '../actions/target-names.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { OUTCOMES, type Outcome } from '../domain.ts';
import type { Directory } from '../officials/directory.ts';
import { countAttempts, isAttempt } from '../web/attempts.ts';
import { DailyChart, HorizontalBars } from './charts/bar-charts.tsx';
import { fillDays, percent } from './charts/scale.ts';
import { StateMap } from './charts/us-map.tsx';
import type { KeyOutcomeRow, TargetBreakdownRow } from './dashboard-repository.ts';

/**
 * A campaign's results: totals, goal, per-day chart, outcomes, targets and the state map. Totals,
 * the goal and the per-target calls count attempts (`countAttempts`, the public counter's rule):
 * a skip is a supporter's report that they did not try, so it is shown apart and never counted.
 */

export const OUTCOME_LABELS: Record<Outcome, string> = {
  contacted: 'Reached a person',
  voicemail: 'Left a voicemail',
  unavailable: 'Could not get through',
  skipped: 'Skipped',
};

export interface TargetSummary {
  target: string;
  label: string;
  /** Attempts on every channel. */
  total: number;
  /** Call attempts: reached a person, left a voicemail, or could not get through. */
  calls: number;
  /** Written messages (email, contact form, letter) that were sent. */
  messages: number;
  /** Calls that reached a person; a sent message is not a conversation, so it never counts here. */
  reached: number;
  /** Reports of skipping this target, on any channel: not attempts. */
  skipped: number;
}

/** A readable name for a stored target id: an official, a seat, or one of the campaign's custom targets. */
export function targetLabel(id: string, campaign: Campaign, directory: Directory): string {
  const { custom, seat, holder } = resolveTarget(id, campaign, directory);
  if (custom) return custom.title ? `${custom.name} (${custom.title})` : custom.name;
  if (holder) return `${holder.title} ${holder.name}`;
  if (seat) return seat.label;
  return id === 'president' ? 'The President' : id;
}

export function summarizeTargets(rows: TargetBreakdownRow[], label: (id: string) => string): TargetSummary[] {
  const byTarget = new Map<string, TargetSummary>();
  for (const r of rows) {
    const s = byTarget.get(r.target) ?? {
      target: r.target,
      label: label(r.target),
      total: 0,
      calls: 0,
      messages: 0,
      reached: 0,
      skipped: 0,
    };
    if (!isAttempt(r.outcome)) {
      s.skipped += r.count;
    } else if (r.channel === 'call') {
      s.total += r.count;
      s.calls += r.count;
      if (r.outcome === 'contacted') s.reached += r.count;
    } else {
      s.total += r.count;
      s.messages += r.count;
    }
    byTarget.set(r.target, s);
  }
  return [...byTarget.values()].sort(
    (a, b) => b.total - a.total || b.skipped - a.skipped || a.label.localeCompare(b.label),
  );
}

/** Attempts per key (a UTC day, a state), in key order; a key with only skips has no attempts and is left out. */
export function countAttemptsByKey(rows: KeyOutcomeRow[]): Array<{ key: string; count: number }> {
  const byKey = new Map<string, number>();
  for (const r of rows) if (isAttempt(r.outcome)) byKey.set(r.key, (byKey.get(r.key) ?? 0) + r.count);
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => ({ key, count }));
}

export interface DashboardData {
  campaign: Campaign;
  counts: CampaignCounts;
  targets: TargetSummary[];
  /** Attempts per day (the daily chart) and per state (the map). */
  attemptsByDay: Array<{ day: string; count: number }>;
  attemptsByState: Array<{ state: string; count: number }>;
  /** Today (UTC), the chart's last day. */
  today: string;
}

/** Changes exactly when what the dashboard shows changes: the live poll's ETag. */
export function dashboardEtag(data: DashboardData): string {
  const { asOf: _asOf, ...counts } = data.counts;
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        counts,
        data.targets,
        data.attemptsByDay,
        data.attemptsByState,
        data.today,
        data.campaign.goal,
        data.campaign.updatedAt,
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
  return `"${hash}"`;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function DashboardBody(props: { data: DashboardData }) {
  const { campaign, counts, targets, today } = props.data;
  const goal = campaign.goal;
  const attempts = countAttempts(counts.byOutcome);
  const skipped = counts.byOutcome.skipped;
  return (
    <div>
      <h2>Results</h2>
      <p class="big" data-live-summary>
        {`${fmt(attempts)} ${attempts === 1 ? 'action' : 'actions'}`}
      </p>
      <p class="hint" id="skipped-note">
        {`Calls and messages supporters tried, as the public counter counts them. Not counted: ${fmt(skipped)} skipped.`}
      </p>
      {goal ? (
        <div>
          <label for="goal-bar">
            Goal: {fmt(attempts)} of {fmt(goal)} ({percent(attempts, goal)})
          </label>
          <progress id="goal-bar" max={goal} value={Math.min(attempts, goal)}>
            {percent(attempts, goal)}
          </progress>
        </div>
      ) : (
        <p class="hint">No goal set.</p>
      )}
      <p class="hint">Counts as of {counts.asOf.slice(0, 16).replace('T', ' ')} UTC.</p>
      <h3>Actions per day</h3>
      <DailyChart id="chart-daily" title="Actions per day" bars={fillDays(props.data.attemptsByDay, today)} />
      <h3>Outcomes</h3>
      <HorizontalBars
        id="chart-outcomes"
        title="Outcomes"
        head={['Outcome', 'Actions']}
        bars={OUTCOMES.map((o) => ({ label: OUTCOME_LABELS[o], value: counts.byOutcome[o] }))}
      />
      <h3>Targets</h3>
      {targets.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <table id="targets-table">
          <caption>Actions by target</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col" class="num">
                Calls
              </th>
              <th scope="col" class="num">
                Calls that reached a person
              </th>
              <th scope="col" class="num">
                Written messages
              </th>
              <th scope="col" class="num">
                Skipped
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr>
                <th scope="row">{t.label}</th>
                <td class="num">{fmt(t.calls)}</td>
                <td class="num">{t.calls > 0 ? `${fmt(t.reached)} (${percent(t.reached, t.calls)})` : '–'}</td>
                <td class="num">{fmt(t.messages)}</td>
                <td class="num">{fmt(t.skipped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>By state</h3>
      <StateMap id="map-states" byState={props.data.attemptsByState} />
    </div>
  );
}
