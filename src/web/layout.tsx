import type { Child } from 'hono/jsx';
import type { ClientConfig } from './client-config.ts';
import { languageSwitch, type PageContext } from './context.ts';
import { formatDate } from './i18n/index.ts';

export interface SocialMeta {
  title: string;
  description: string;
  url: string;
  image: string | null;
  /** Language of the shared text, e.g. "es_US". */
  locale: string;
}

/** Open Graph and Twitter card tags, so a shared campaign link previews with its own words. */
function SocialTags({ meta }: { meta: SocialMeta }) {
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content="Voz" />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={meta.url} />
      <meta property="og:locale" content={meta.locale} />
      {meta.image ? <meta property="og:image" content={meta.image} /> : null}
      <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {meta.image ? <meta name="twitter:image" content={meta.image} /> : null}
    </>
  );
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  description?: string;
  social?: SocialMeta;
  canonical?: string;
  /** oEmbed discovery (oembed.com §4): the JSON endpoint for this page, when it can be embedded. */
  oembed?: string;
  client?: Omit<ClientConfig, 'lang' | 'strings'>;
  children: Child;
}) {
  const { ctx, title } = props;
  const { t } = ctx;
  const other = languageSwitch(ctx);
  const client: ClientConfig = {
    lang: ctx.lang,
    ...(ctx.csrfToken ? { csrf: ctx.csrfToken } : {}),
    ...props.client,
    strings: {
      copied: t('officials.copied'),
      copyFailed: t('officials.copyFailed'),
      locating: t('location.locating'),
      denied: t('location.denied'),
      progress: t('outcome.progress'),
      counter: t('outcome.counter'),
      failed: t('outcome.failed'),
      rateLimited: t('outcome.rateLimited'),
      closed: t('outcome.closed'),
      busy: t('outcome.busy'),
      forgotten: t('details.forgotten'),
      saved: {
        contacted: t('outcome.saved.contacted'),
        voicemail: t('outcome.saved.voicemail'),
        unavailable: t('outcome.saved.unavailable'),
        skipped: t('outcome.saved.skipped'),
      },
    },
  };
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === t('site.name') ? title : `${title} · ${t('site.name')}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        {props.oembed ? (
          <link rel="alternate" type="application/json+oembed" href={props.oembed} title={title} />
        ) : null}
        {props.social ? <SocialTags meta={props.social} /> : null}
        {/* No favicon request: an empty icon, allowed by img-src data:. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ctx.assets.css.url} />
        <script src={ctx.assets.js.url} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href={ctx.link('/')}>
              {t('site.name')}
            </a>
            <nav aria-label={t('nav.language')} class="lang">
              <a href={other.href} hreflang={other.lang} lang={other.lang}>
                {t('nav.switchTo')}
              </a>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1} data-voz={JSON.stringify(client)}>
          {props.children}
          <p id="status" class="visually-hidden" role="status" aria-live="polite" />
        </main>
        <footer class="site">
          <div class="wrap">
            <p>{t('footer.vintage', { date: formatDate(ctx.vintage, ctx.lang) })}</p>
            <p>{t('footer.privacy')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
