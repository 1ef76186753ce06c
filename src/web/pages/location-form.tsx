import type { PageContext } from '../context.ts';
import { stateName, statesByName } from '../i18n/states.ts';

/** The location step's form: a GET, so the answer is a shareable, bookmarkable page. */
export function LocationForm(props: {
  ctx: PageContext;
  action: string;
  zip?: string | null;
  state?: string | null;
  error?: string | null;
  title?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errorId = props.error ? 'location-error' : undefined;
  return (
    <form method="get" action={props.action} class="panel" id="find" aria-labelledby="find-title">
      <h2 id="find-title">{props.title ?? t('location.title')}</h2>
      <p>{t('location.intro')}</p>
      {props.error ? (
        <p class="error" id="location-error" role="alert">
          {props.error}
        </p>
      ) : null}
      {ctx.explicitLang ? <input type="hidden" name="lang" value={ctx.lang} /> : null}
      <label for="zip">
        {t('location.zip')} <span class="hint">{t('location.zipHint')}</span>
      </label>
      <input
        type="text"
        id="zip"
        name="zip"
        inputmode="numeric"
        autocomplete="postal-code"
        maxlength={10}
        value={props.zip ?? ''}
        aria-describedby={errorId}
      />
      <p class="or">{t('location.or')}</p>
      <label for="state">{t('location.state')}</label>
      <select id="state" name="state">
        <option value="">{t('location.statePick')}</option>
        {statesByName(ctx.lang).map((code) => (
          <option value={code} selected={props.state === code}>
            {stateName(code, ctx.lang)}
          </option>
        ))}
      </select>
      <div class="row">
        <button type="submit">{t('location.submit')}</button>
        <button type="button" class="secondary" id="use-location" data-js hidden>
          {t('location.useMine')}
        </button>
      </div>
    </form>
  );
}
