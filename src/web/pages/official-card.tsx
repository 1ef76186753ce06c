import {
  officialInSentence,
  officialRole,
  officialTemplateValues,
  officialTitle,
} from '../../campaigns/official-titles.ts';
import { type ParseResult, renderTemplate } from '../../campaigns/templates.ts';
import type { Language, Outcome } from '../../domain.ts';
import { hasPlaceholderTermEnd } from '../../officials/governor-terms.ts';
import type { PageContext } from '../context.ts';
import { mailtoUrl, type SupporterDetails, templateValues } from '../fill.ts';
import { partyName } from '../i18n/index.ts';
import { type Near, phoneLines, telUrl } from '../phones.ts';
import type { TargetCard } from '../targets.ts';
import { OFFICE_LABEL, Phone } from './office-phones.tsx';
import { HolderUnknownCard, place, Vacancy } from './seat-notices.tsx';

export interface CardTexts {
  lang: Language;
  script: ParseResult;
  scriptSource: string;
  message: ParseResult;
  messageSource: string;
  subject: string;
}

export interface CardProps {
  ctx: PageContext;
  card: TargetCard;
  texts: CardTexts;
  details: SupporterDetails;
  near: Near;
  outcomeAction: string;
  hidden: Record<string, string | string[]>;
  reported: Outcome | null;
  report: { state: string | null; district: string | null };
}

/** `senate:ca:1` → `t-senate-ca-1`: a valid, stable fragment id for each card. */
export const cardAnchor = (id: string): string => `t-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function Text(props: {
  id: string;
  parsed: ParseResult;
  source: string;
  values: ReturnType<typeof templateValues>;
  official: ReturnType<typeof officialTemplateValues>;
  lang: Language;
  uiLang: Language;
}) {
  const text = props.parsed.ok ? renderTemplate(props.parsed.template, props.values) : props.source;
  return (
    <p
      class="text"
      id={props.id}
      lang={props.lang !== props.uiLang ? props.lang : undefined}
      data-template={props.source}
      data-official={props.official?.official ?? undefined}
      data-office={props.official?.office ?? undefined}
    >
      {text}
    </p>
  );
}

const OUTCOME_BUTTONS: { value: string; key: 'contacted' | 'voicemail' | 'wrote' | 'unavailable' | 'skipped' }[] = [
  { value: 'contacted.call', key: 'contacted' },
  { value: 'voicemail.call', key: 'voicemail' },
  { value: 'contacted.WRITE', key: 'wrote' },
  { value: 'unavailable.call', key: 'unavailable' },
  { value: 'skipped.call', key: 'skipped' },
];

export function OfficialCard(props: CardProps) {
  const { ctx, card, texts } = props;
  const { t } = ctx;
  const anchor = cardAnchor(card.id);
  const seat = card.representation?.seat ?? null;

  if (card.representation?.holderUnknown && seat) return <HolderUnknownCard ctx={ctx} seat={seat} anchor={anchor} />;
  if (card.representation && !card.official) {
    return (
      <li class="card" id={anchor}>
        <h3>{t('officials.vacant')}</h3>
        <p class="role">{place(ctx, seat?.state ?? null, seat?.district ?? null)}</p>
        <Vacancy ctx={ctx} seat={seat} />
      </li>
    );
  }

  const person = card.person!;
  const titleValues = officialTemplateValues(person, texts.lang);
  const heading = officialTitle(person, ctx.lang);
  const role = officialRole(person, ctx.lang);
  const values = templateValues(props.details, props.near.zip, titleValues);
  const official = card.official;
  const phones = official ? phoneLines(official, props.near, ctx.now, ctx.lang) : { dc: null, local: null };
  const customPhone = card.custom?.phone ?? null;
  const contactForm = official?.contactForm ?? card.custom?.contactUrl ?? null;
  const email = official?.email ?? card.custom?.email ?? null;
  const messageText = texts.message.ok ? renderTemplate(texts.message.template, values) : texts.messageSource;
  // "I sent the message" only where there is a way to send it: a form, an email, or a letter.
  const writeChannel = contactForm ? 'form' : email ? 'email' : official?.mailingAddress ? 'mail' : null;
  const state = official?.state ?? null;
  const district = official && official.chamber === 'house' ? official.district : null;

  return (
    <li class="card" id={anchor}>
      <h3 id={`${anchor}-name`}>{heading}</h3>
      <p class="role">
        {[
          role ? <span lang={role.lang === ctx.lang ? undefined : role.lang}>{role.text}</span> : null,
          official?.party ? t('officials.party', { party: partyName(official.party, ctx.lang) }) : null,
          place(ctx, state, district),
        ]
          .filter((part) => part !== null)
          .flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}
      </p>
      {card.representation?.mayBeOutOfDate ? (
        <p class="notice">
          {t(official && hasPlaceholderTermEnd(official) ? 'officials.recordMayBeOld' : 'officials.outOfDate')}
        </p>
      ) : null}
      <ul class="phones">
        {phones.dc ? <Phone ctx={ctx} label={t(OFFICE_LABEL[phones.dc.kind ?? 'dc'])} line={phones.dc} /> : null}
        {phones.local ? (
          <Phone ctx={ctx} label={t(OFFICE_LABEL[phones.local.kind ?? 'district'])} line={phones.local} />
        ) : null}
        {customPhone ? (
          <Phone
            ctx={ctx}
            label={t('officials.phone')}
            line={{
              phone: customPhone,
              tel: telUrl(customPhone),
              hours: null,
              open: null,
              localTime: null,
            }}
          />
        ) : null}
      </ul>
      <div class="row">
        {contactForm ? (
          <a class="button secondary" href={contactForm} rel="noopener noreferrer">
            {t('officials.contactForm')}
          </a>
        ) : null}
        {email ? (
          <a
            class="button secondary"
            href={mailtoUrl(email, texts.subject, messageText)}
            data-mailto={email}
            data-subject={texts.subject}
            data-source={`${anchor}-message`}
          >
            {t('officials.email')}
          </a>
        ) : null}
        {official?.website ? (
          <a href={official.website} rel="noopener noreferrer">
            {t('officials.website')}
          </a>
        ) : null}
      </div>
      <h4>{t('officials.script')}</h4>
      <Text
        id={`${anchor}-script`}
        parsed={texts.script}
        source={texts.scriptSource}
        values={values}
        official={titleValues}
        lang={texts.lang}
        uiLang={ctx.lang}
      />
      <h4>{t('officials.message')}</h4>
      <Text
        id={`${anchor}-message`}
        parsed={texts.message}
        source={texts.messageSource}
        values={values}
        official={titleValues}
        lang={texts.lang}
        uiLang={ctx.lang}
      />
      <div class="row" data-js hidden>
        <button type="button" class="secondary" data-copy={`${anchor}-message`}>
          {t('officials.copy')}
        </button>
      </div>
      <form
        class="outcome"
        method="post"
        action={props.outcomeAction}
        data-target={card.id}
        data-state={props.report.state ?? ''}
        data-district={props.report.district ?? ''}
      >
        <fieldset>
          <legend>{t('outcome.legend', { name: officialInSentence(person, ctx.lang) })}</legend>
          <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
          <input type="hidden" name="target" value={card.id} />
          {Object.entries(props.hidden).flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((v) => <input type="hidden" name={name} value={v} />),
          )}
          <div class="row">
            {OUTCOME_BUTTONS.filter((b) => b.key !== 'wrote' || writeChannel).map((b) => (
              <button
                type="submit"
                name="result"
                value={b.value.replace('WRITE', writeChannel ?? 'form')}
                class={b.key === 'contacted' ? undefined : 'secondary'}
              >
                {t(`outcome.${b.key}`)}
              </button>
            ))}
          </div>
          <p class="reported" role="status" tabindex={-1} hidden={!props.reported}>
            {props.reported ? t(`outcome.saved.${props.reported}`) : ''}
          </p>
        </fieldset>
      </form>
    </li>
  );
}
