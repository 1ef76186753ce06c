import { placeQuery } from '../../geocode/place-query.ts';
import type { AddressChoice } from '../../geocode/resolve-address.ts';
import type { PageContext } from '../context.ts';

/**
 * "Enter your street address", offered when a ZIP does not settle the district. It POSTs (with
 * the CSRF token) so the address never appears in a URL, a history entry or a server log; the
 * answer redirects to a page whose link names only the districts. When an address matched several
 * places, each choice Voz already placed links to its districts, with no second geocoder call.
 */
export function AddressForm(props: {
  ctx: PageContext;
  action: string;
  /** The officials step, where a placed choice links to. */
  officials: string;
  zip: string | null;
  error?: string | null;
  choices?: AddressChoice[];
  /** The campaign targets state legislators, whom only an address finds. */
  legislators?: boolean;
  /**
   * The address just tried, when it found nothing: given back in this one answer (no-store) so
   * the supporter can correct a typo, with the focus on it. It is never kept anywhere.
   */
  retry?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
      {props.zip ? <input type="hidden" name="zip" value={props.zip} /> : null}
      {ctx.explicitLang ? <input type="hidden" name="lang" value={ctx.lang} /> : null}
    </>
  );
  const describedBy = props.error ? 'address-hint address-privacy address-error' : 'address-hint address-privacy';
  return (
    <section class="panel" id="address" aria-labelledby="address-title">
      <h2 id="address-title">{t('address.title')}</h2>
      {props.choices && props.choices.length > 0 ? (
        <>
          <p>{t('address.choicesTitle')}</p>
          <ul class="candidates">
            {props.choices.map((choice) => (
              <li>
                {choice.place ? (
                  <a href={ctx.link(props.officials, { zip: props.zip, ...placeQuery(choice.place) })}>
                    {choice.district ? `${choice.address} (${choice.district})` : choice.address}
                  </a>
                ) : (
                  <form method="post" action={props.action}>
                    {hidden}
                    <input type="hidden" name="address" value={choice.address} />
                    <button type="submit" class="secondary">
                      {choice.district ? `${choice.address} (${choice.district})` : choice.address}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={props.action}>
        {hidden}
        <p>
          {t('address.intro')}
          {props.legislators ? ` ${t('address.legislators')}` : null}
        </p>
        {props.error ? (
          <p class="error" id="address-error" role="alert">
            {props.error}
          </p>
        ) : null}
        <label for="street-address">
          {t('address.label')}{' '}
          <span class="hint" id="address-hint">
            {t('address.hint')}
          </span>
        </label>
        <input
          type="text"
          id="street-address"
          name="address"
          autocomplete="street-address"
          maxlength={200}
          required
          aria-describedby={describedBy}
          value={props.retry || undefined}
          autofocus={props.retry ? true : undefined}
        />
        <p class="hint" id="address-privacy">
          {t('address.privacy')}
        </p>
        <div class="row">
          <button type="submit">{t('address.submit')}</button>
        </div>
      </form>
    </section>
  );
}
