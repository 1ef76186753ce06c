import type { Child } from 'hono/jsx';
import type { Campaign, CampaignContent } from '../../campaigns/campaign.ts';
import { parseTemplate } from '../../campaigns/templates.ts';
import type { Language } from '../../domain.ts';
import type { Near } from '../../web/phones.ts';
import type { TargetCard } from '../../web/targets.ts';
import { loadAdminAssets } from '../assets.ts';
import { EmbedCard } from './embed-card.tsx';
import type { EmbedKey } from './strings.ts';

/** The embedded widget: the campaign's title, a ZIP form (or, once closed, a notice), then one card per official. */

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
          {view.campaign.status === 'live' ? <ZipForm view={view} /> : <p class="notice">{view.t('closed')}</p>}
          {props.children}
          <p>
            <a href={view.fullPageUrl} target="_blank" rel="noopener" data-full-page="">
              {view.t('fullPage')}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

function ZipForm(props: { view: EmbedView }) {
  const { view } = props;
  return (
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
  );
}

export function EmbedCards(props: {
  view: EmbedView;
  cards: TargetCard[];
  report: { state: string | null; district: string | null };
  now: Date;
  near: Near;
}) {
  const { view } = props;
  const script = parseTemplate(view.content.callScript, 'callScript');
  const message = parseTemplate(view.content.message, 'message');
  return (
    <section aria-labelledby="cards-title">
      <h2 id="cards-title">{view.t('findTitle')}</h2>
      {view.campaign.status === 'live' ? (
        <p
          class="progress"
          data-progress={view.t('progress')}
          data-total={props.cards.filter((c) => c.custom || c.official).length}
          aria-live="polite"
        />
      ) : null}
      {props.cards.map((card) => (
        <EmbedCard
          view={view}
          card={card}
          script={script}
          message={message}
          report={props.report}
          now={props.now}
          near={props.near}
        />
      ))}
    </section>
  );
}
