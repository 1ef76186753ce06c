import type { Campaign, CampaignContent } from '../../campaigns/campaign.ts';
import type { Language } from '../../domain.ts';
import { countAttempts } from '../attempts.ts';
import type { PageContext } from '../context.ts';
import type { MessageKey } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { type Place, placeParams } from '../location.ts';
import { shareLinks } from '../share.ts';
import { campaignUrl } from './campaign.tsx';

/** The signup's field errors in the page language; the API keeps signup.ts's English. */
const SIGNUP_ERRORS: Record<string, MessageKey> = {
  name: 'done.errorName',
  email: 'done.errorEmail',
  zip: 'done.errorZip',
  consent: 'done.errorConsent',
};

export interface SignupState {
  signedUp: boolean;
  values: { name: string; email: string; zip: string };
  errors: Record<string, string>;
}

export function DonePage(props: {
  ctx: PageContext;
  campaign: Campaign;
  content: CampaignContent;
  contentLang: Language;
  place: Place;
  /** What the supporter reported on the officials step, carried in `r=`: target id → outcome. */
  reported: Map<string, string>;
  reportedParam: string;
  signup: SignupState;
}) {
  const { ctx, campaign, content, signup } = props;
  const { t } = ctx;
  const base = `/c/${campaign.slug}`;
  const params = placeParams(props.place);
  // Back to the cards, and the signup's answer, keep what was reported.
  const carried = props.reportedParam ? { ...params, r: props.reportedParam } : params;
  const byOutcome: Record<string, number> = {};
  for (const outcome of props.reported.values()) byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
  const attempts = countAttempts(byOutcome);
  const shareUrl = campaignUrl(ctx, campaign.slug, props.contentLang === 'en' ? null : props.contentLang);
  const other = props.contentLang !== ctx.lang ? props.contentLang : undefined;
  const errorFor = (field: string) => {
    if (!signup.errors[field]) return null;
    const key = SIGNUP_ERRORS[field];
    return (
      <p class="error" id={`s-${field}-error`} lang={key ? undefined : 'en'}>
        {key ? t(key) : signup.errors[field]}
      </p>
    );
  };
  const described = (field: string) => (signup.errors[field] ? `s-${field}-error` : undefined);
  return (
    <Layout
      ctx={ctx}
      title={`${t(campaign.status === 'closed' ? 'done.endedTitle' : 'done.title')} ${content.title}`}
      client={{ slug: campaign.slug }}
    >
      <p class="meta">
        <a href={ctx.link(base)} lang={other}>
          {content.title}
        </a>
      </p>
      {campaign.status === 'closed' ? (
        <>
          <h1>{t('done.endedTitle')}</h1>
          <p>{t('campaign.closed')}</p>
        </>
      ) : (
        <>
          <h1>{t('done.title')}</h1>
          {attempts > 0 ? (
            <p class="success" id="reported-summary">
              {attempts === 1 ? t('done.reportedOne') : t('done.reportedMany', { count: attempts })}
            </p>
          ) : null}
          <p>{t('done.intro')}</p>
          <h2>{t('done.share')}</h2>
          <ul class="share">
            <li data-js hidden>
              <button type="button" class="secondary" data-copy={`text:${shareUrl}`}>
                {t('done.copyLink')}
              </button>
            </li>
            {shareLinks(shareUrl, content.title, content.shareText).map((link) => (
              <li>
                <a class="button secondary" href={link.href} rel="noopener noreferrer">
                  {t(`done.${link.key}`)}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href={ctx.link(`${base}/officials`, carried)}>{t('done.back')}</a>
          </p>
        </>
      )}
      {signup.signedUp ? (
        <p class="success" role="status">
          {t('done.signedUp')}
        </p>
      ) : campaign.status === 'live' ? (
        <form method="post" action={ctx.link(`${base}/signup`, carried)} class="panel" aria-labelledby="signup-title">
          <h2 id="signup-title">{t('done.signupTitle')}</h2>
          <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
          <input type="hidden" name="consent_lang" value={ctx.lang} />
          <label for="s-name">{t('done.signupName')}</label>
          <input
            type="text"
            id="s-name"
            name="name"
            maxlength={100}
            autocomplete="name"
            required
            value={signup.values.name}
            aria-describedby={described('name')}
          />
          {errorFor('name')}
          <label for="s-email">{t('done.signupEmail')}</label>
          <input
            type="email"
            id="s-email"
            name="email"
            maxlength={254}
            autocomplete="email"
            required
            value={signup.values.email}
            aria-describedby={described('email')}
          />
          {errorFor('email')}
          <label for="s-zip">
            {t('done.signupZip')} <span class="hint">{ctx.t('details.optional')}</span>
          </label>
          <input
            type="text"
            id="s-zip"
            name="zip"
            inputmode="numeric"
            maxlength={5}
            autocomplete="postal-code"
            value={signup.values.zip}
            aria-describedby={described('zip')}
          />
          {errorFor('zip')}
          <label class="check">
            <input type="checkbox" name="consent" value="yes" required aria-describedby={described('consent')} />{' '}
            {t('done.signupConsent')}
          </label>
          {errorFor('consent')}
          <div class="row">
            <button type="submit">{t('done.signupSubmit')}</button>
          </div>
        </form>
      ) : null}
    </Layout>
  );
}
