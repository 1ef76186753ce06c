import { officialRole, officialTitle } from '../../campaigns/official-titles.ts';
import { isStateCode } from '../../domain.ts';
import type { Seat } from '../../officials/types.ts';
import type { PageContext } from '../context.ts';
import { stateName } from '../i18n/states.ts';
import { telUrl } from '../phones.ts';
import { Phone } from './office-phones.tsx';

/**
 * What a card says about its seat when there is no one to name: a vacancy and what to do instead,
 * or a holder the data cannot name. Also the seat's place, "California, district 12".
 */
export function place(ctx: PageContext, state: string | null, district: string | null): string | null {
  if (!state || !isStateCode(state)) return null;
  const name = stateName(state, ctx.lang);
  if (district === null) return name;
  return district === '0'
    ? ctx.t('officials.atLarge', { state: name })
    : ctx.t('officials.district', { state: name, district });
}

/**
 * The U.S. Capitol switchboard connects to every House and Senate office, including the office
 * of a vacant House seat, which the Clerk of the House keeps open and staffed until a new member
 * is sworn in (Rules of the House, rule II, clause 2(i)).
 */
const CAPITOL_SWITCHBOARD = '(202) 224-3121';

export function Vacancy({ ctx, seat }: { ctx: PageContext; seat: Seat | null }) {
  const { t } = ctx;
  const where = place(ctx, seat?.state ?? null, seat?.district ?? null);
  if (seat?.chamber === 'house') {
    const tel = telUrl(CAPITOL_SWITCHBOARD);
    return (
      <>
        <p class="notice">{t('officials.vacantHouse')}</p>
        <ul class="phones">
          <li>
            {t('officials.switchboard')}:{' '}
            {tel ? (
              <a class="tel" href={tel} aria-label={t('officials.call', { phone: CAPITOL_SWITCHBOARD })}>
                {CAPITOL_SWITCHBOARD}
              </a>
            ) : null}
            <span class="hint">{t('officials.switchboardAsk', { office: where ?? '' })}</span>
          </li>
        </ul>
      </>
    );
  }
  return <p class="notice">{t(seat?.chamber === 'senate' ? 'officials.vacantSenate' : 'officials.vacantAdvice')}</p>;
}

/**
 * A seat the data cannot name the holder of (the recorded term ended before the data was
 * published): not a vacancy, and not the former holder. The office's own line and website, when
 * the data has them, still reach whoever holds it.
 */
export function HolderUnknownCard({ ctx, seat, anchor }: { ctx: PageContext; seat: Seat; anchor: string }) {
  const { t } = ctx;
  // No holder, so no gender: the post in neutral words where the language needs them.
  const post = { name: '', role: seat.role, gender: null, title: '' };
  const office = officialTitle(post, ctx.lang).trim() || (officialRole(post, ctx.lang)?.text ?? '');
  const phone = seat.holderUnknown?.phone ?? null;
  const website = seat.holderUnknown?.website ?? null;
  return (
    <li class="card" id={anchor}>
      <h3>{t('officials.holderUnknown', { office })}</h3>
      <p class="role">{place(ctx, seat.state, seat.district)}</p>
      <p class="notice">{t('officials.holderUnknownAdvice')}</p>
      {phone ? (
        <ul class="phones">
          <Phone
            ctx={ctx}
            label={t('officials.officePhone')}
            line={{ phone, tel: telUrl(phone), hours: null, open: null, localTime: null }}
          />
        </ul>
      ) : null}
      {website ? (
        <div class="row">
          <a href={website} rel="noopener noreferrer">
            {t('officials.website')}
          </a>
        </div>
      ) : null}
    </li>
  );
}
