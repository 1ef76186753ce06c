import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ActionsContext } from '../actions/context.ts';
import { type Campaign, contentIn } from '../campaigns/campaign.ts';
import { parseTemplate } from '../campaigns/templates.ts';
import { type Chamber, type Confidence, hasSenators, isStateCode } from '../domain.ts';
import type { AddressResolver } from '../geocode/resolve-address.ts';
import { HttpError } from '../http/errors.ts';
import type { Directory } from '../officials/directory.ts';
import type { LookupResult } from '../officials/types.ts';
import { countAttempts } from './attempts.ts';
import type { PageContext } from './context.ts';
import type { DetailField, SupporterDetails } from './fill.ts';
import type { MessageKey } from './i18n/index.ts';
import { stateInSentence } from './i18n/states.ts';
import { lookupPlace, type Place, parsePlace, placeProblemKey, reportDivision } from './location.ts';
import { AddressForm } from './pages/address-form.tsx';
import { CampaignPage } from './pages/campaign.tsx';
import { ChoosePage } from './pages/choose.tsx';
import { OfficialsPage } from './pages/officials.tsx';
import { formatReported, parseReported } from './reported.ts';
import { needsHouseDistrict, targetCards } from './targets.ts';

/**
 * The officials step, shared by the supporter's page and the organizer's "preview as a
 * supporter": the same place gives the same page, so a preview can be trusted.
 */

export interface OfficialsStepDeps {
  directory: Directory;
  geocoder?: AddressResolver | null;
  /** The campaign's running total for the counter; null when it cannot be read. */
  count(campaign: Campaign): Promise<number | null>;
}

export interface OfficialsStepInput {
  ctx: PageContext;
  campaign: Campaign;
  query: URLSearchParams;
  details: SupporterDetails;
  /** The details came from the session cookie of the no-JS flow. */
  detailsKept?: boolean;
  detailErrors: DetailField[];
  reported: string | null | undefined;
  /**
   * Where the step's links and forms point, in place of the supporter's own `/c/…` paths: the
   * organizer's preview keeps every choice, location form and language switch inside itself.
   */
  linkTo?: PageContext['link'];
}

export interface StepPage {
  page: unknown;
  status: ContentfulStatusCode;
}

const NOT_EXACT: ReadonlySet<Confidence> = new Set([
  'zip_spans_districts',
  'zip_spans_states',
  'near_boundary',
  'unknown_zip',
]);

/**
 * Whether the supporter must settle the place before seeing officials: the answer is not exact,
 * the campaign targets someone who depends on the place, and that someone is not known yet (the
 * House member or state legislators of a split ZIP, or the senators of a ZIP that spans states).
 */
export function mustChoose(campaign: Pick<Campaign, 'targets'>, result: LookupResult): boolean {
  const needsPlace = campaign.targets.some((k) => k !== 'president' && k !== 'custom');
  const needsDistrict = campaign.targets.includes('representative') || campaign.targets.includes('state_legislators');
  return NOT_EXACT.has(result.confidence) && needsPlace && (needsDistrict || !result.state);
}

/**
 * The campaign's attempts so far (attempts.ts), from the shared counts cache; null when unreadable:
 * the page is shown without its counter rather than not at all. The first failure after a success
 * is logged (a warning: the cards still work), not every page of an outage.
 */
export function attemptsCounter(actions: Pick<ActionsContext, 'counts' | 'logger'>): OfficialsStepDeps['count'] {
  let failing = false;
  return (campaign) =>
    actions.counts.get(campaign).then(
      (counts) => {
        failing = false;
        return countAttempts(counts.byOutcome);
      },
      (err: unknown) => {
        if (!failing) {
          actions.logger.warn('campaign counter unavailable: pages are shown without it', {
            campaign: campaign.slug,
            error: err instanceof Error ? err.message : String(err),
          });
        }
        failing = true;
        return null;
      },
    );
}

/** The street address form, when this Voz has a geocoder. */
export function addressFormFor(
  deps: Pick<OfficialsStepDeps, 'geocoder'>,
  ctx: PageContext,
  slug: string,
  zip: string | null,
  more: Partial<Parameters<typeof AddressForm>[0]> = {},
) {
  return deps.geocoder ? (
    <AddressForm
      ctx={ctx}
      action={ctx.link(`/c/${slug}/address`)}
      officials={`/c/${slug}/officials`}
      zip={zip}
      {...more}
    />
  ) : null;
}

const LEGISLATIVE: ReadonlySet<Chamber> = new Set(['state_upper', 'state_lower', 'state_legislature']);

/**
 * Why a campaign's state legislators are missing from the cards, if they are: only a street
 * address gives state legislative districts, so a ZIP, a state or a chosen district never does.
 */
export function missingLegislators(
  deps: Pick<OfficialsStepDeps, 'geocoder'>,
  campaign: Pick<Campaign, 'targets'>,
  result: LookupResult,
  place: Place,
): MessageKey | null {
  if (!campaign.targets.includes('state_legislators')) return null;
  if (result.representations.some((r) => LEGISLATIVE.has(r.seat.chamber))) return null;
  if (place.noLegislators) return 'officials.legislatorsNotFound';
  return deps.geocoder ? 'officials.legislatorsNeedAddress' : 'officials.legislatorsNoLookup';
}

/** DC and the territories elect no senators: a campaign to senators says so there. */
export function noSenatorsNotice(campaign: Pick<Campaign, 'targets'>, result: LookupResult, ctx: PageContext) {
  const state = result.state;
  if (!campaign.targets.includes('senators') || !state || !isStateCode(state) || hasSenators(state)) return null;
  // Puerto Rico's member of the House is the Resident Commissioner; the others have a delegate.
  const key = state === 'PR' ? 'officials.noSenatorsCommissioner' : 'officials.noSenatorsDelegate';
  return ctx.t(key, { place: stateInSentence(state, ctx.lang) });
}

export async function officialsStep(deps: OfficialsStepDeps, input: OfficialsStepInput): Promise<StepPage> {
  const { campaign } = input;
  const ctx = input.linkTo ? { ...input.ctx, link: input.linkTo } : input.ctx;
  const { lang: contentLang, content } = contentIn(campaign, ctx.lang);
  const parsed = parsePlace(input.query);
  const locationError = (message: string): StepPage => ({
    page: <CampaignPage ctx={ctx} campaign={campaign} locationError={message} />,
    status: 400,
  });
  if (!parsed.ok) {
    return locationError(ctx.t(placeProblemKey(parsed.reason)));
  }
  if (campaign.status === 'closed') return { page: <CampaignPage ctx={ctx} campaign={campaign} />, status: 200 };
  let result: LookupResult;
  try {
    result = lookupPlace(deps.directory, parsed.place, deps.geocoder);
  } catch (err) {
    if (err instanceof HttpError && err.status < 500) {
      return locationError(ctx.t(placeProblemKey(err.code)));
    }
    throw err;
  }
  if (mustChoose(campaign, result)) {
    const page = (
      <ChoosePage
        ctx={ctx}
        campaign={campaign}
        content={content}
        contentLang={contentLang}
        place={parsed.place}
        result={result}
        extra={
          result.confidence === 'near_boundary'
            ? null
            : addressFormFor(deps, ctx, campaign.slug, parsed.place.zip, {
                legislators: campaign.targets.includes('state_legislators'),
              })
        }
      />
    );
    return { page, status: result.confidence === 'unknown_zip' ? 404 : 200 };
  }
  const reported = parseReported(input.reported);
  const legislators = missingLegislators(deps, campaign, result, parsed.place);
  const page = (
    <OfficialsPage
      ctx={ctx}
      campaign={campaign}
      content={content}
      contentLang={contentLang}
      place={parsed.place}
      result={result}
      cards={targetCards(campaign.targets, campaign.customTargets, result, campaign.defaultLanguage)}
      texts={{
        lang: contentLang,
        script: parseTemplate(content.callScript, 'callScript'),
        scriptSource: content.callScript,
        message: parseTemplate(content.message, 'message'),
        messageSource: content.message,
        subject: content.title,
      }}
      details={input.details}
      detailsKept={input.detailsKept ?? false}
      detailErrors={input.detailErrors}
      reported={reported}
      reportedParam={formatReported(reported)}
      report={reportDivision(result)}
      count={await deps.count(campaign)}
      needsDistrict={needsHouseDistrict(campaign.targets, result)}
      locateZip={(zip) => deps.directory.locateZip(zip)}
      noSenators={noSenatorsNotice(campaign, result, ctx)}
      legislators={
        legislators
          ? {
              notice: legislators,
              form:
                legislators === 'officials.legislatorsNeedAddress'
                  ? addressFormFor(deps, ctx, campaign.slug, parsed.place.zip, { legislators: true })
                  : null,
            }
          : null
      }
    />
  );
  return { page, status: input.detailErrors.length > 0 ? 400 : 200 };
}
