import type { Campaign, CampaignContent } from '../../campaigns/campaign.ts';
import { officialInSentence } from '../../campaigns/official-titles.ts';
import type { Language } from '../../domain.ts';
import type { Candidate, LookupResult } from '../../officials/types.ts';
import type { PageContext } from '../context.ts';
import { stateName } from '../i18n/states.ts';
import { Layout } from '../layout.tsx';
import type { Place } from '../location.ts';
import { LocationForm } from './location-form.tsx';

/** "CA-12" as the supporter reads it: "California, district 12". */
function districtLabel(ctx: PageContext, candidate: Candidate): string {
  const state = stateName(candidate.state, ctx.lang);
  return candidate.district === '0'
    ? ctx.t('officials.atLarge', { state })
    : ctx.t('officials.district', { state, district: candidate.district });
}

/**
 * The location step when the answer is not exact: a split or cross-state ZIP, a point near a
 * boundary, or a ZIP that is not a residential area. Voz lists what is possible and lets the
 * supporter choose; it never picks one for them.
 */
export function ChoosePage(props: {
  ctx: PageContext;
  campaign: Campaign;
  content: CampaignContent;
  contentLang: Language;
  place: Place;
  result: LookupResult;
  /** Extra ways to settle it (the address form), rendered after the candidates. */
  extra?: unknown;
  /** Why the supporter is choosing again (an address that was not found), shown under the title. */
  notice?: string | null;
}) {
  const { ctx, campaign, result, place } = props;
  const { t } = ctx;
  const base = `/c/${campaign.slug}`;
  const zip = place.zip ?? result.query.value;
  const other = props.contentLang !== ctx.lang ? props.contentLang : undefined;
  const title =
    result.confidence === 'unknown_zip'
      ? t('location.unknownZipTitle', { zip })
      : result.confidence === 'zip_spans_states'
        ? t('location.splitStatesTitle', { zip })
        : result.confidence === 'near_boundary'
          ? t('location.boundaryTitle')
          : t('location.splitTitle', { zip, count: result.candidates.length });
  return (
    <Layout ctx={ctx} title={title} client={{ slug: campaign.slug, locationUrl: ctx.link(`${base}/location`) }}>
      <p class="meta">
        <a href={ctx.link(base)} lang={other}>
          {props.content.title}
        </a>
      </p>
      <h1>{title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {result.confidence === 'unknown_zip' ? (
        <>
          <p>{t('location.unknownZip')}</p>
          {props.extra ?? null}
          <LocationForm ctx={ctx} action={ctx.link(`${base}/officials`)} />
        </>
      ) : (
        <>
          <p>{t('location.splitIntro')}</p>
          <ul class="candidates">
            {result.candidates.map((candidate) => {
              const official = candidate.representative?.official ?? null;
              const code = `${candidate.state}-${candidate.district}`;
              const href = ctx.link(`${base}/officials`, { zip: place.zip, district: code });
              return (
                <li>
                  <a href={href}>
                    <strong>{t('location.choose', { district: districtLabel(ctx, candidate) })}</strong>
                    <span class="hint">
                      {official
                        ? t('location.candidateRep', { name: officialInSentence(official, ctx.lang) })
                        : candidate.representative?.holderUnknown
                          ? t('location.candidateUnknown')
                          : t('location.candidateVacant')}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
          <p class="hint">{t('location.notSure')}</p>
          {props.extra ?? null}
          <LocationForm ctx={ctx} action={ctx.link(`${base}/officials`)} title={t('location.change')} />
        </>
      )}
    </Layout>
  );
}
