import { raw } from 'hono/html';
import { type Campaign, contentIn } from '../../campaigns/campaign.ts';
import { markdownToText, renderMarkdown } from '../../campaigns/markdown.ts';
import type { PageContext } from '../context.ts';
import { formatDate } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { LocationForm } from './location-form.tsx';

/** Absolute URL of a campaign page, for sharing and Open Graph. */
export function campaignUrl(ctx: PageContext, slug: string, lang: string | null): string {
  const url = new URL(`/c/${encodeURIComponent(slug)}`, `${ctx.publicUrl}/`);
  if (lang) url.searchParams.set('lang', lang);
  return url.toString();
}

/** Where oEmbed consumers (WordPress) ask for this campaign's embed code; see src/admin/embed/oembed.ts. */
function oembedUrl(ctx: PageContext, slug: string): string {
  const url = new URL('/oembed', `${ctx.publicUrl}/`);
  url.searchParams.set('url', campaignUrl(ctx, slug, null));
  url.searchParams.set('format', 'json');
  return url.toString();
}

export function CampaignPage(props: { ctx: PageContext; campaign: Campaign; locationError?: string | null }) {
  const { ctx, campaign } = props;
  const { t } = ctx;
  const { lang, content } = contentIn(campaign, ctx.lang);
  const other = lang !== ctx.lang ? lang : undefined;
  const description = content.summary || markdownToText(content.body).slice(0, 200);
  const officials = ctx.link(`/c/${campaign.slug}/officials`);
  return (
    <Layout
      ctx={ctx}
      title={content.title}
      description={description}
      canonical={campaignUrl(ctx, campaign.slug, ctx.explicitLang ? ctx.lang : null)}
      oembed={campaign.embedEnabled ? oembedUrl(ctx, campaign.slug) : undefined}
      social={{
        title: content.title,
        description: content.shareText || description,
        url: campaignUrl(ctx, campaign.slug, ctx.explicitLang ? ctx.lang : null),
        image: campaign.shareImageUrl,
        locale: lang === 'es' ? 'es_US' : 'en_US',
      }}
      client={{ slug: campaign.slug, locationUrl: ctx.link(`/c/${campaign.slug}/location`) }}
    >
      <article lang={other}>
        <h1>{content.title}</h1>
        {other ? (
          <p class="notice" lang={ctx.lang}>
            {t('campaign.otherLanguage')}
          </p>
        ) : null}
        <p class="meta" lang={ctx.lang}>
          {t('campaign.published', { date: formatDate(campaign.date, ctx.lang) })}
        </p>
        {campaign.tags.length > 0 ? (
          <ul class="tags" aria-label={t('campaign.tags')}>
            {campaign.tags.map((tag) => (
              <li>{tag}</li>
            ))}
          </ul>
        ) : null}
        <p>
          <strong>{content.summary}</strong>
        </p>
        {/* Sanitised by renderMarkdown (sanitize-html allowlist): the only raw HTML on any page. */}
        <div class="body">{raw(renderMarkdown(content.body))}</div>
      </article>
      {campaign.status === 'live' ? (
        <LocationForm ctx={ctx} action={officials} title={t('campaign.find')} error={props.locationError ?? null} />
      ) : (
        <p class="notice">{t('campaign.closed')}</p>
      )}
    </Layout>
  );
}
