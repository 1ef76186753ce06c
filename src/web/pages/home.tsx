import { type Campaign, contentIn } from '../../campaigns/campaign.ts';
import type { PageContext } from '../context.ts';
import { formatDate } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

export function HomePage({ ctx, campaigns }: { ctx: PageContext; campaigns: Campaign[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} description={t('site.tagline')}>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {campaigns.length === 0 ? (
        <p>{t('home.empty')}</p>
      ) : (
        <ul class="campaigns">
          {campaigns.map((campaign) => {
            const { lang, content } = contentIn(campaign, ctx.lang);
            const other = lang !== ctx.lang ? lang : undefined;
            return (
              <li>
                <h2 lang={other}>
                  <a href={ctx.link(`/c/${campaign.slug}`)}>{content.title}</a>
                </h2>
                <p class="meta">{t('campaign.published', { date: formatDate(campaign.date, ctx.lang) })}</p>
                <p lang={other}>{content.summary}</p>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}
