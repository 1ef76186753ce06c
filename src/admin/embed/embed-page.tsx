import type { Child } from 'hono/jsx';
import type { Campaign, CampaignContent } from '../../campaigns/campaign.ts';
import { officialTemplateValues, officialTitle } from '../../campaigns/official-titles.ts';
import { parseTemplate, renderTemplate } from '../../campaigns/templates.ts';
import type { Language } from '../../domain.ts';
import type { LookupResult } from '../../officials/types.ts';
import { templateValues } from '../../web/fill.ts';
import { phoneLines } from '../../web/phones.ts';
import type { TargetCard } from '../../web/targets.ts';
import { loadAdminAssets } from '../assets.ts';
import type { EmbedKey } from './strings.ts';

/** The embedded widget: the campaign's title, a ZIP form, then one card per official to call. */

export interface EmbedView {
  campaign: Campaign;
  content: CampaignContent;
  lang: Language;
  t: (key: EmbedKey) => string;
  themeUrl: string;
  fullPageUrl: string;
  zip: string;
  error: string | null;
}

export function EmbedFrame(props: { view: EmbedView; children?: Child }) {
  const { view } = props;
  const assets = loadAdminAssets();
  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{view.content.title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assets.embedCss.url} />
        <link rel="stylesheet" href={view.themeUrl} />
        <script src={assets.frameJs.url} defer />
      </head>
      <body>
        <header class="brand">
          {view.campaign.theme.logoUrl ? <img src={view.campaign.theme.logoUrl} alt="" height="48" /> : null}
          <h1>{view.content.title}</h1>
        </header>
        <main>
          {view.content.summary ? <p>{view.content.summary}</p> : null}
          <form method="get" action={`/embed/${encodeURIComponent(view.campaign.slug)}`}>
            <input type="hidden" name="lang" value={view.lang} />
            <label for="zip">{view.t('zip')}</label>
            <input
              id="zip"
              name="zip"
              inputmode="numeric"
              autocomplete="postal-code"
              maxlength={5}
              value={view.zip}
              aria-invalid={view.error ? 'true' : undefined}
              aria-describedby={view.error ? 'zip-error' : undefined}
            />{' '}
            <button type="submit">{view.t('find')}</button>
            {view.error ? (
              <p class="error" id="zip-error">
                {view.error}
              </p>
            ) : null}
          </form>
          {props.children}
          <p>
            <a href={view.fullPageUrl} target="_blank" rel="noopener">
              {view.t('fullPage')}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

export function EmbedCards(props: {
  view: EmbedView;
  result: LookupResult;
  cards: TargetCard[];
  report: { state: string | null; district: string | null };
  now: Date;
  near: { lat: number | null; lon: number | null; zip: string | null };
}) {
  const { view, report } = props;
  const parsed = parseTemplate(view.content.callScript, 'callScript');
  const reportUrl = `/api/v1/campaigns/${encodeURIComponent(view.campaign.slug)}/actions`;
  return (
    <section aria-labelledby="cards-title">
      <h2 id="cards-title">{view.t('findTitle')}</h2>
      {props.cards.map((card) => {
        const person = card.person;
        const heading = card.custom
          ? `${card.custom.name}${card.custom.title ? `, ${card.custom.title}` : ''}`
          : person
            ? `${officialTitle(person, view.lang)} ${person.name}`
            : (card.representation?.seat.label ?? card.id);
        const phones = card.official ? phoneLines(card.official, props.near, props.now, view.lang) : null;
        const customPhone = card.custom?.phone ?? null;
        const values = templateValues({}, view.zip, officialTemplateValues(person, view.lang));
        const script = parsed.ok ? renderTemplate(parsed.template, values) : view.content.callScript;
        const vacant = !card.custom && !card.official;
        return (
          <article class="card">
            <h3>{heading}</h3>
            {vacant ? <p>{view.t('vacant')}</p> : null}
            <ul>
              {phones?.dc ? (
                <li>
                  {view.t('dcOffice')}: <a href={phones.dc.tel ?? undefined}>{phones.dc.phone}</a>
                </li>
              ) : null}
              {phones?.local ? (
                <li>
                  {view.t('localOffice')}: <a href={phones.local.tel ?? undefined}>{phones.local.phone}</a>
                </li>
              ) : null}
              {customPhone ? (
                <li>
                  {view.t('call')}: <a href={`tel:${customPhone.replace(/[^0-9+]/g, '')}`}>{customPhone}</a>
                </li>
              ) : null}
            </ul>
            {!vacant && script ? (
              <details>
                <summary>{view.t('script')}</summary>
                <p class="script">{script}</p>
              </details>
            ) : null}
            {!vacant && report.state ? (
              <div
                data-report={reportUrl}
                data-target={card.id}
                data-state={report.state}
                data-district={report.district ?? ''}
                data-recorded={view.t('recorded')}
                data-failed={view.t('failed')}
              >
                <p class="nojs">{view.t('needsJs')}</p>
                <div class="nojs-hidden">
                  <p>{view.t('report')}</p>
                  {(['contacted', 'voicemail', 'unavailable'] as const).map((outcome) => (
                    <button type="button" data-outcome={outcome}>
                      {view.t(outcome)}
                    </button>
                  ))}
                  <p role="status" data-report-status />
                </div>
              </div>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
