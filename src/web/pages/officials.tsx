import type { Child } from 'hono/jsx';
import type { Campaign, CampaignContent } from '../../campaigns/campaign.ts';
import type { Language, Outcome } from '../../domain.ts';
import { isStateCode } from '../../domain.ts';
import type { LookupResult } from '../../officials/types.ts';
import type { PageContext } from '../context.ts';
import { DETAIL_FIELDS, DETAIL_MAX, type DetailField, type SupporterDetails } from '../fill.ts';
import { formatNumber, type MessageKey } from '../i18n/index.ts';
import { stateName } from '../i18n/states.ts';
import { Layout } from '../layout.tsx';
import { type Place, placeParams } from '../location.ts';
import type { LocateZip } from '../phones.ts';
import type { TargetCard } from '../targets.ts';
import { LocationForm } from './location-form.tsx';
import { type CardTexts, OfficialCard } from './official-card.tsx';

export interface OfficialsPageProps {
  ctx: PageContext;
  campaign: Campaign;
  content: CampaignContent;
  contentLang: Language;
  place: Place;
  result: LookupResult;
  cards: TargetCard[];
  texts: CardTexts;
  details: SupporterDetails;
  /** The details came from the no-JS flow's session cookie, which only the server can delete. */
  detailsKept: boolean;
  detailErrors: DetailField[];
  reported: Map<string, Outcome>;
  /** The `r` value to carry: what this supporter has reported so far ('' for nothing yet; the page script updates it). */
  reportedParam: string;
  report: { state: string | null; district: string | null };
  count: number | null;
  needsDistrict: boolean;
  /** Places a ZIP, so the nearest local office can be measured from it. */
  locateZip?: LocateZip;
  /** DC and the territories: why there are no senators. */
  noSenators: string | null;
  /** Why the campaign's state legislators are not on the cards, and the address form that adds them. */
  legislators: { notice: MessageKey; form: Child } | null;
}

const DETAIL_LABEL: Record<
  DetailField,
  'details.name' | 'details.role' | 'details.organization' | 'details.community' | 'details.city'
> = {
  name: 'details.name',
  role: 'details.role',
  organization: 'details.organization',
  community: 'details.community',
  city: 'details.city',
};

function placeLabel(ctx: PageContext, place: Place, result: LookupResult): string {
  const state = result.state && isStateCode(result.state) ? stateName(result.state, ctx.lang) : null;
  const house = result.representations.find((r) => r.seat.chamber === 'house');
  const parts = [place.zip, state].filter(Boolean);
  if (house?.seat.district && house.seat.district !== '0') parts.push(`${result.state}-${house.seat.district}`);
  return parts.join(', ');
}

function DetailsForm(props: OfficialsPageProps & { action: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <form
      id="details"
      method="post"
      action={props.action}
      class="panel"
      data-zip={props.place.zip ?? ''}
      data-kept={props.detailsKept ? '1' : undefined}
      aria-labelledby="details-title"
    >
      <h2 id="details-title">{t('details.title')}</h2>
      <p>{t('details.intro')}</p>
      <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
      <input type="hidden" name="r" value={props.reportedParam} />
      <div class="grid">
        {DETAIL_FIELDS.map((field) => {
          const tooLong = props.detailErrors.includes(field);
          return (
            <div>
              <label for={`d-${field}`}>
                {t(DETAIL_LABEL[field])} <span class="hint">{t('details.optional')}</span>
              </label>
              <input
                type="text"
                id={`d-${field}`}
                name={field}
                maxlength={DETAIL_MAX[field]}
                value={props.details[field]}
                autocomplete={
                  field === 'name'
                    ? 'name'
                    : field === 'organization'
                      ? 'organization'
                      : field === 'role'
                        ? 'organization-title'
                        : field === 'city'
                          ? 'address-level2'
                          : 'off'
                }
                aria-invalid={tooLong ? 'true' : undefined}
                aria-describedby={tooLong ? `d-${field}-error` : undefined}
              />
              {tooLong ? (
                <p class="error" id={`d-${field}-error`}>
                  {t('details.tooLong', { field: t(DETAIL_LABEL[field]), max: DETAIL_MAX[field] })}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <p class="hint" data-nojs>
        {t('details.sentToFill')}
      </p>
      <p class="hint" data-js hidden>
        {t('details.stayHere')}
      </p>
      <div data-js hidden>
        <label class="check">
          <input type="checkbox" id="remember" /> {t('details.remember')}
        </label>
      </div>
      <div class="row">
        {/* With JavaScript the texts fill in as the supporter types, so nothing needs sending. */}
        <button type="submit" data-nojs>
          {t('details.fill')}
        </button>
        <button type="submit" class="secondary" id="forget" name="forget" value="1" formnovalidate>
          {t('details.forget')}
        </button>
      </div>
    </form>
  );
}

export function OfficialsPage(props: OfficialsPageProps) {
  const { ctx, campaign, content, result, cards } = props;
  const { t } = ctx;
  const base = `/c/${campaign.slug}`;
  const params = placeParams(props.place);
  const selfUrl = ctx.link(`${base}/officials`, params);
  const contactable = cards.filter((c) => !c.representation || c.official);
  const done = contactable.filter((c) => {
    const o = props.reported.get(c.id);
    return o === 'contacted' || o === 'voicemail';
  });
  const other = props.contentLang !== ctx.lang ? props.contentLang : undefined;
  const hidden: Record<string, string | string[]> = { ...params, r: props.reportedParam };
  if (ctx.explicitLang) hidden.lang = ctx.lang;
  return (
    <Layout
      ctx={ctx}
      title={`${t('officials.title')}: ${content.title}`}
      client={{
        slug: campaign.slug,
        actionsUrl: `/api/v1/campaigns/${campaign.slug}/actions`,
        countsUrl: `/api/v1/campaigns/${campaign.slug}/counts`,
        locationUrl: ctx.link(`${base}/location`),
      }}
    >
      <p class="meta">
        <a href={ctx.link(base)} lang={other}>
          {content.title}
        </a>
      </p>
      <h1>{t('officials.title')}</h1>
      <p>
        {t('officials.for', { place: placeLabel(ctx, props.place, result) })} ·{' '}
        <a href={`${ctx.link(base)}#find`}>{t('location.change')}</a>
      </p>
      {props.needsDistrict ? <p class="notice">{t('location.stateOnly')}</p> : null}
      {props.noSenators ? <p class="notice">{props.noSenators}</p> : null}
      {props.legislators ? (
        <p class="notice" id="legislators-notice">
          {t(props.legislators.notice)}
          {props.legislators.form ? (
            <>
              {' '}
              <a href="#address">{t('officials.addAddress')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      <p class="progress" id="progress" data-total={contactable.length} data-done={done.map((c) => c.id).join(' ')}>
        {t('outcome.progress', { done: done.length, total: contactable.length })}
      </p>
      {props.count !== null ? (
        <p id="counter" data-count={props.count}>
          {t('outcome.counter', { count: formatNumber(props.count, ctx.lang) })}
        </p>
      ) : null}
      <DetailsForm {...props} action={selfUrl} />
      {cards.length === 0 ? <p>{t('officials.none')}</p> : null}
      <ol class="cards">
        {cards.map((card) => (
          <OfficialCard
            ctx={ctx}
            card={card}
            texts={props.texts}
            details={props.details}
            near={{ lat: props.place.lat, lon: props.place.lon, zip: props.place.zip, locateZip: props.locateZip }}
            outcomeAction={ctx.link(`${base}/outcomes`)}
            hidden={hidden}
            reported={props.reported.get(card.id) ?? null}
            report={props.report}
          />
        ))}
      </ol>
      {props.legislators?.form ?? null}
      {props.needsDistrict ? (
        <LocationForm ctx={ctx} action={ctx.link(`${base}/officials`)} state={props.place.state} />
      ) : null}
      <p>
        <a
          class="button"
          href={ctx.link(`${base}/done`, props.reportedParam ? { ...params, r: props.reportedParam } : params)}
          data-carry-r
        >
          {t('outcome.finish')}
        </a>
      </p>
    </Layout>
  );
}
