import type { HttpError } from '../../http/errors.ts';
import type { PageContext } from '../context.ts';
import { errorText } from '../error-messages.ts';
import { Layout } from '../layout.tsx';

/** Every HTML error in the supporter's language, in the site's layout. */
export function ErrorPage({
  ctx,
  err,
  campaignSlug: slug,
}: {
  ctx: PageContext;
  err: HttpError;
  /** The campaign whose step failed, for the way back. */
  campaignSlug: string | null;
}) {
  const { t } = ctx;
  const text = errorText(err);
  return (
    <Layout ctx={ctx} title={t(text.title)}>
      <h1>{t(text.title)}</h1>
      <p>{t(text.text)}</p>
      {slug ? (
        <p>
          <a href={ctx.link(`/c/${slug}`)}>{t('error.backToCampaign')}</a>
        </p>
      ) : null}
      <p>
        <a href={ctx.link('/')}>{t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
