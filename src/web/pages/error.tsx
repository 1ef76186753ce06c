import type { HttpError } from '../../http/errors.ts';
import type { PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

const NOT_FOUND = new Set(['not_found', 'campaign_not_found']);

/** Every HTML error in the supporter's language where Voz knows the words, in the site's layout. */
export function ErrorPage({ ctx, err }: { ctx: PageContext; err: HttpError }) {
  const { t } = ctx;
  const notFound = err.status === 404 || NOT_FOUND.has(err.code);
  const title = notFound ? t('error.notFoundTitle') : err.status === 414 ? t('error.tooLong') : t('error.generic');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {/* Other errors carry a specific English message from the code that raised them. */}
      <p lang={notFound ? undefined : 'en'}>{notFound ? t('error.notFound') : err.message}</p>
      <p>
        <a href={ctx.link('/')}>{t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
