import { officialTemplateValues, officialTitle } from '../../campaigns/official-titles.ts';
import { type ParseResult, renderTemplate } from '../../campaigns/templates.ts';
import type { Channel } from '../../domain.ts';
import { mailtoUrl, templateValues } from '../../web/fill.ts';
import { hoursText } from '../../web/hours-text.ts';
import { translator } from '../../web/i18n/index.ts';
import { type Near, type PhoneLine, phoneLines, telUrl } from '../../web/phones.ts';
import type { TargetCard } from '../../web/targets.ts';
import type { EmbedView } from './embed-page.tsx';

/**
 * One official in the widget, as on the campaign page: phones and what to say, the written
 * message with its contact form, email link and copy button, and the outcome buttons (calls, and
 * "I sent the message" when there is a way to write). A closed campaign shows no buttons.
 */
export interface CardProps {
  view: EmbedView;
  card: TargetCard;
  script: ParseResult;
  message: ParseResult;
  report: { state: string | null; district: string | null };
  now: Date;
  near: Near;
}

const CALL_OUTCOMES = ['contacted', 'voicemail', 'unavailable', 'skipped'] as const;

/** A phone with its hours and whether the office is open now, in its own time zone (phones.ts). */
function PhoneItem(props: { view: EmbedView; label: string; line: PhoneLine }) {
  const { view, line } = props;
  const time = line.localTime ?? '';
  return (
    <li>
      {props.label}: <a href={line.tel ?? undefined}>{line.phone}</a>
      {line.hours ? <span class="hint"> · {hoursText(line.hours, translator(view.lang), view.lang).text}</span> : null}
      {line.open === true ? <span class="hint"> · {view.t('openNow').replace('{time}', time)}</span> : null}
      {line.open === false ? <span class="hint"> · {view.t('closedNow').replace('{time}', time)}</span> : null}
    </li>
  );
}

/** "Senator Alex Padilla"; officialTitle already includes the name. */
function headingOf(card: TargetCard, view: EmbedView): string {
  if (card.custom) return card.custom.title ? `${card.custom.name}, ${card.custom.title}` : card.custom.name;
  if (card.person) return officialTitle(card.person, view.lang);
  return card.representation?.seat.label ?? card.id;
}

export function EmbedCard(props: CardProps) {
  const { view, card, report } = props;
  const { t } = view;
  const anchor = `t-${card.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const holderUnknown = card.representation?.holderUnknown ? card.representation.seat.holderUnknown : null;
  const vacant = !card.custom && !card.official && !holderUnknown;
  const values = templateValues({}, view.zip || null, officialTemplateValues(card.person, view.lang));
  const fill = (parsed: ParseResult, source: string) => (parsed.ok ? renderTemplate(parsed.template, values) : source);
  const script = fill(props.script, view.content.callScript);
  const message = fill(props.message, view.content.message);
  const phones = card.official ? phoneLines(card.official, props.near, props.now, view.lang) : null;
  const customPhone = card.custom?.phone ?? null;
  const contactForm = card.official?.contactForm ?? card.custom?.contactUrl ?? null;
  const email = card.official?.email ?? card.custom?.email ?? null;
  const writeChannel: Channel = email && !contactForm ? 'email' : 'form';
  const canWrite = !vacant && !holderUnknown && message !== '' && (contactForm !== null || email !== null);
  const canReport = view.campaign.status === 'live' && !vacant && !holderUnknown && report.state !== null;

  return (
    <article class="card" id={anchor}>
      <h3>{headingOf(card, view)}</h3>
      {vacant ? <p>{t('vacant')}</p> : null}
      {holderUnknown ? (
        <p>
          {t('holderUnknown')}{' '}
          {holderUnknown.phone ? <a href={telUrl(holderUnknown.phone) ?? undefined}>{holderUnknown.phone}</a> : null}
        </p>
      ) : null}
      <ul class="phones">
        {phones?.dc ? <PhoneItem view={view} label={t('dcOffice')} line={phones.dc} /> : null}
        {phones?.local ? <PhoneItem view={view} label={t('localOffice')} line={phones.local} /> : null}
        {customPhone ? (
          <li>
            {t('call')}: <a href={telUrl(customPhone) ?? undefined}>{customPhone}</a>
          </li>
        ) : null}
      </ul>
      {!vacant && !holderUnknown && script ? (
        <details>
          <summary>{t('script')}</summary>
          <p class="script">{script}</p>
        </details>
      ) : null}
      {canWrite ? (
        <details>
          <summary>{t('write')}</summary>
          <label for={`${anchor}-message`}>{t('message')}</label>
          <p class="hint" id={`${anchor}-message-hint`}>
            {t('messageHint')}
          </p>
          <textarea
            id={`${anchor}-message`}
            class="message"
            rows={8}
            aria-describedby={`${anchor}-message-hint`}
            data-mailto={email ?? undefined}
            data-subject={view.content.title}
          >
            {message}
          </textarea>
          <p class="links">
            {contactForm ? (
              <a href={contactForm} target="_blank" rel="noopener noreferrer">
                {t('contactForm')}
              </a>
            ) : null}
            {email ? (
              <a href={mailtoUrl(email, view.content.title, message)} data-mailto-for={`${anchor}-message`}>
                {t('email')}
              </a>
            ) : null}
          </p>
          <p class="nojs-hidden">
            <button
              type="button"
              data-copy={`${anchor}-message`}
              data-copied={t('copied')}
              data-copy-failed={t('copyFailed')}
            >
              {t('copy')}
            </button>
          </p>
        </details>
      ) : null}
      {canReport ? (
        <div
          data-report={`/api/v1/campaigns/${encodeURIComponent(view.campaign.slug)}/actions`}
          data-target={card.id}
          data-state={report.state ?? ''}
          data-district={report.district ?? ''}
          data-recorded={t('recorded')}
          data-failed={t('failed')}
          data-failed-429={t('tooMany')}
          data-failed-409={t('ended')}
          data-failed-503={t('busy')}
        >
          <p class="nojs">{t('needsJs')}</p>
          <div class="nojs-hidden">
            <p>{t('report')}</p>
            {CALL_OUTCOMES.map((outcome) => (
              <button type="button" data-outcome={outcome} data-channel="call">
                {t(outcome)}
              </button>
            ))}
            {canWrite ? (
              <button type="button" data-outcome="contacted" data-channel={writeChannel}>
                {t('wrote')}
              </button>
            ) : null}
            <p role="status" data-report-status />
          </div>
        </div>
      ) : null}
    </article>
  );
}
