import { createHash } from 'node:crypto';
import type { CampaignCounts } from '../actions/counts.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { OUTCOMES, type Outcome } from '../domain.ts';
import type { Directory } from '../officials/directory.ts';
import { DailyChart, HorizontalBars } from './charts/bar-charts.tsx';
import { fillDays, percent } from './charts/scale.ts';
import { StateMap } from './charts/us-map.tsx';
import type { TargetBreakdownRow } from './dashboard-repository.ts';

/** A campaign's results: totals, goal, per-day chart, outcomes, targets and the state map. */

export const OUTCOME_LABELS: Record<Outcome, string> = {
  contacted: 'Reached a person',
  voicemail: 'Left a voicemail',
  unavailable: 'Could not get through',
  skipped: 'Skipped',
};

export interface TargetSummary {
  target: string;
  label: string;
  total: number;
  calls: number;
  /** Written messages (email, contact form, letter). */
  messages: number;
  /** Calls that reached a person; a sent message is not a conversation, so it never counts here. */
  reached: number;
}

/** A readable name for a stored target id: an official, a seat, or one of the campaign's custom targets. */
export function targetLabel(id: string, campaign: Campaign, directory: Directory): string {
  const custom = campaign.customTargets.find((t) => t.id === id);
  if (custom) return custom.title ? `${custom.name} (${custom.title})` : custom.name;
  const official = directory.findOfficial(id);
  if (official) return `${official.title} ${official.name}`;
  const seat = directory.findSeat(id);
  if (seat) {
    const holder = seat.officialId ? directory.findOfficial(seat.officialId) : null;
    return holder ? `${holder.title} ${holder.name}` : seat.label;
  }
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
    };
    s.total += r.count;
    if (r.channel === 'call') {
      s.calls += r.count;
      if (r.outcome === 'contacted') s.reached += r.count;
    } else {
      s.messages += r.count;
    }
    byTarget.set(r.target, s);
  }
  return [...byTarget.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

export interface DashboardData {
  campaign: Campaign;
  counts: CampaignCounts;
  targets: TargetSummary[];
  /** Today (UTC), the chart's last day. */
  today: string;
}

/** Changes exactly when what the dashboard shows changes: the live poll's ETag. */
export function dashboardEtag(data: DashboardData): string {
  const { asOf: _asOf, ...counts } = data.counts;
  const hash = createHash('sha256')
    .update(JSON.stringify([counts, data.targets, data.today, data.campaign.goal, data.campaign.updatedAt]))
    .digest('base64url')
    .slice(0, 16);
  return `"${hash}"`;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function DashboardBody(props: { data: DashboardData }) {
  const { campaign, counts, targets, today } = props.data;
  const goal = campaign.goal;
  return (
    <div>
      <h2>Results</h2>
      <p class="big" data-live-summary>
        {`${fmt(counts.total)} ${counts.total === 1 ? 'action' : 'actions'}`}
      </p>
      {goal ? (
        <div>
          <label for="goal-bar">
            Goal: {fmt(counts.total)} of {fmt(goal)} ({percent(counts.total, goal)})
          </label>
          <progress id="goal-bar" max={goal} value={Math.min(counts.total, goal)}>
            {percent(counts.total, goal)}
          </progress>
        </div>
      ) : (
        <p class="hint">No goal set.</p>
      )}
      <p class="hint">Counts as of {counts.asOf.slice(0, 16).replace('T', ' ')} UTC.</p>
      <h3>Actions per day</h3>
      <DailyChart id="chart-daily" title="Actions per day" bars={fillDays(counts.byDay, today)} />
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
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => (
              <tr>
                <th scope="row">{t.label}</th>
                <td class="num">{fmt(t.calls)}</td>
                <td class="num">{t.calls > 0 ? `${fmt(t.reached)} (${percent(t.reached, t.calls)})` : '–'}</td>
                <td class="num">{fmt(t.messages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>By state</h3>
      <StateMap id="map-states" byState={counts.byState} />
    </div>
  );
}
