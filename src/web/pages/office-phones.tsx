/** An office's phone line on a card: the tel: link, its hours, and whether it is open now. */
import type { Office } from '../../officials/types.ts';
import type { PageContext } from '../context.ts';
import { hoursText } from '../hours-text.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { PhoneLine } from '../phones.ts';

/** Offices by kind: the Washington office, a state capitol office (a governor's), a local one. */
export const OFFICE_LABEL: Record<Office['kind'], MessageKey> = {
  dc: 'officials.dcPhone',
  capitol: 'officials.capitolPhone',
  district: 'officials.localPhone',
};

/** Parsed hours in the page's language; otherwise the published (English) text, said to be so. */
export function Hours({ ctx, published }: { ctx: PageContext; published: string }) {
  const hours = hoursText(published, ctx.t, ctx.lang);
  if (hours.parsed) return <span class="hint">{ctx.t('officials.hours', { hours: hours.text })}</span>;
  const [before, after] = ctx.t('officials.hoursPublished').split('{hours}');
  return (
    <span class="hint">
      {before}
      <span lang={ctx.lang === 'en' ? undefined : 'en'}>{hours.text}</span>
      {after}
    </span>
  );
}

export function Phone({ ctx, label, line }: { ctx: PageContext; label: string; line: PhoneLine }) {
  const { t } = ctx;
  return (
    <li>
      {label}:{' '}
      {line.tel ? (
        <a class="tel" href={line.tel} aria-label={t('officials.call', { phone: line.phone })}>
          {line.phone}
        </a>
      ) : (
        <span class="tel">{line.phone}</span>
      )}
      {line.hours ? <Hours ctx={ctx} published={line.hours} /> : null}
      {line.open === true ? (
        <span class="hint open">{t('officials.openNow', { time: line.localTime ?? '' })}</span>
      ) : line.open === false ? (
        <span class="hint closed">{t('officials.closedNow', { time: line.localTime ?? '' })}</span>
      ) : null}
    </li>
  );
}
