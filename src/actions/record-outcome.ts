import type { Campaign } from '../campaigns/campaign.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { HttpError } from '../http/errors.ts';
import { STATES } from '../officials/states.ts';
import type { NewAction, OutcomeReport } from './action.ts';
import { hourOf } from './coarse-time.ts';
import type { ActionsContext } from './context.ts';
import { QueueFullError, WriterClosedError, WriteTimeoutError } from './group-commit.ts';
import { RecentActions } from './recent-actions.ts';
import { outcomeReportSchema, parseOrThrow } from './validation.ts';

export interface RecordRequest {
  campaignSlug: string;
  /** The hashed client key (`clientKeyerFor(deps).keyOf(c)`), never an address. */
  clientKey: string;
  /** The reported fields, unvalidated: a parsed JSON body or a form's fields. */
  report: unknown;
}

/**
 * `counted: true`: stored durably (answer 201). `counted: false`: the same client reported the
 * same outcome for the same target of this campaign within the hour, so it was not counted again
 * (answer 200); nothing was written.
 */
export type RecordResult = { counted: true; action: OutcomeReport } | { counted: false; reason: 'repeat' };

/** A live campaign by slug, or the HttpError a supporter should see. */
export async function liveCampaign(context: ActionsContext, slug: string): Promise<Campaign> {
  const campaign = await context.campaigns.find(slug);
  // Drafts are not public yet: indistinguishable from a campaign that does not exist.
  if (!campaign || campaign.status === 'draft') {
    throw new HttpError(404, 'campaign_not_found', 'There is no campaign at this address.');
  }
  if (campaign.status === 'closed') {
    throw new HttpError(409, 'campaign_closed', 'This campaign has ended and no longer records actions. Thank you!');
  }
  return campaign;
}

/**
 * Records what a supporter reports after contacting one target. Used by the JSON API and the
 * no-JavaScript form alike. Validates the campaign (live only), the target, channel, outcome,
 * state, district and language; throws HttpError 400/404/409 with a message for the supporter.
 *
 * Resolves only once the action is durably committed (group commit: see group-commit.ts). If
 * the write cannot be made, throws HttpError 503 with Retry-After and nothing is acknowledged.
 */
export async function recordOutcome(context: ActionsContext, request: RecordRequest): Promise<RecordResult> {
  const campaign = await liveCampaign(context, request.campaignSlug);
  const report = parseOrThrow(outcomeReportSchema, request.report, 'invalid_action', 'The report is not valid.');
  const problem = context.isKnownTarget(campaign, report);
  if (problem === 'district') {
    throw new HttpError(
      400,
      'unknown_district',
      `${report.state} has no congressional district ${report.district}.`,
      {},
      { district: districtHint(report.state) },
    );
  }
  if (problem === 'target') {
    throw new HttpError(
      400,
      'unknown_target',
      'This campaign does not ask supporters to contact that target, or the target does not represent that state and district.',
      {},
      {
        target: 'Not a target of this campaign.',
      },
    );
  }
  const repeatOf = (clientKey: string) =>
    RecentActions.key({ clientKey, campaignId: campaign.id, target: report.target, outcome: report.outcome });
  const repeatKey = repeatOf(request.clientKey);
  const before = context.keyer.previousKeyOf(request.clientKey);
  if (!(await context.recent.claim(repeatKey, before === null ? null : repeatOf(before)))) {
    return { counted: false, reason: 'repeat' };
  }

  // Field by field, not `{ ...report }`: spreading zod's output object cost 2.5 µs here, building
  // this one 0.2 µs, on the path every report takes.
  const action: NewAction = {
    campaignId: campaign.id,
    target: report.target,
    channel: report.channel,
    outcome: report.outcome,
    state: report.state,
    district: report.district,
    language: report.language,
    createdAt: hourOf(context.clock.now()),
  };
  try {
    await context.writer.submit(action);
  } catch (err) {
    if (err instanceof WriteTimeoutError) {
      // The transaction may still commit. Forget the claim only if it did not, so the supporter's
      // retry is counted once either way: as new if the write failed, as a repeat if it landed.
      void err.written.then((written) => written || context.recent.release(repeatKey));
    } else {
      context.recent.release(repeatKey);
    }
    throw unsavedError(err);
  }
  return { counted: true, action: report };
}

function districtHint(state: OutcomeReport['state']): string {
  const seats = STATES[state].house;
  return seats === 1
    ? `Not a district of ${state}, which elects one member: use 0.`
    : `Not a district of ${state}: use 1 to ${seats}.`;
}

function unsavedError(err: unknown): HttpError {
  const retry = { 'Retry-After': '1' };
  if (err instanceof QueueFullError) {
    return new HttpError(
      503,
      'busy',
      'Voz is very busy right now. Your report was not saved; please try again.',
      retry,
    );
  }
  if (err instanceof WriterClosedError) {
    return new HttpError(503, 'restarting', 'Voz is restarting. Your report was not saved; please try again.', retry);
  }
  if (err instanceof WriteTimeoutError || isDatabaseUnavailable(err)) {
    return new HttpError(
      503,
      'database_unavailable',
      'Voz cannot reach its database right now, so your report may not have been saved. Please try again in a few seconds.',
      { 'Retry-After': '5' },
    );
  }
  return new HttpError(503, 'not_saved', 'Your report could not be saved. Please try again in a moment.', retry);
}
