import type { Hono } from 'hono';
import { contentIn } from '../campaigns/campaign.ts';
import { addressMessage } from '../geocode/messages.ts';
import { addressWithZip, matchedPlaceQuery } from '../geocode/place-query.ts';
import { lookupAddress } from '../geocode/resolve-address.ts';
import { HttpError } from '../http/errors.ts';
import type { LookupResult } from '../officials/types.ts';
import type { Place } from './location.ts';
import { addressFormFor } from './officials-step.tsx';
import type { AddressForm } from './pages/address-form.tsx';
import { CampaignPage } from './pages/campaign.tsx';
import { ChoosePage } from './pages/choose.tsx';
import { sendHtml } from './respond.ts';
import { fieldsOf, type WebEnv, type WebShared } from './web-env.ts';

/**
 * The street address step: used for one lookup, never put in a URL, stored or logged. A match
 * redirects to the officials step with only the districts in the link; anything else shows the
 * ZIP's candidates again with the reason, so the supporter can still choose.
 */
export function addressRoute(app: Hono<WebEnv>, shared: WebShared): void {
  const { deps } = shared;
  app.post('/c/:slug/address', shared.limits.addresses, async (c) => {
    const campaign = await shared.publicCampaign(c.req.param('slug'));
    const ctx = shared.ctxOf(c, c.get('csrfToken'));
    const { lang: contentLang, content } = contentIn(campaign, ctx.lang);
    const fields = fieldsOf(await c.req.parseBody({ all: true }));
    const zip = /^\d{5}$/.test(fields.get('zip') ?? '') ? fields.get('zip')! : null;
    const typed = (fields.get('address') ?? '').slice(0, 400);
    const base = `/c/${campaign.slug}`;
    const place: Place = { zip, state: null, district: null, lat: null, lon: null };
    const legislators = campaign.targets.includes('state_legislators');
    const choose = (result: LookupResult, notice: string | null, form: Partial<Parameters<typeof AddressForm>[0]>) =>
      sendHtml(
        c,
        <ChoosePage
          ctx={ctx}
          campaign={campaign}
          content={content}
          contentLang={contentLang}
          place={place}
          result={result}
          notice={notice}
          extra={addressFormFor(deps, ctx, campaign.slug, zip, { ...form, legislators })}
        />,
      );
    const again = (notice: string | null, form: Partial<Parameters<typeof AddressForm>[0]> = {}) => {
      const byZip = zip ? deps.directory.lookupZip(zip) : null;
      if (byZip) return choose(byZip, notice, form);
      return sendHtml(
        c,
        <CampaignPage ctx={ctx} campaign={campaign} locationError={notice ?? form.error ?? ''} />,
        400,
      );
    };
    const address = addressWithZip(typed, zip);
    let answer: Awaited<ReturnType<typeof lookupAddress>>;
    try {
      answer = await lookupAddress(address, deps);
    } catch (err) {
      if (err instanceof HttpError && err.status === 400) return again(null, { error: ctx.t('address.invalid') });
      throw err;
    }
    if (answer.status === 'matched' && answer.place) {
      return c.redirect(
        ctx.link(`${base}/officials`, { zip, ...matchedPlaceQuery(answer.place, answer.stateLegislators) }),
        303,
      );
    }
    if (answer.status === 'matched' && answer.result) return choose(answer.result, null, {});
    const notice = addressMessage(ctx.lang, {
      status: answer.status,
      zip: answer.zip ?? zip,
      fallback: answer.fallback === 'zip',
    });
    // Near a district line, the address's own candidates are closer than the ZIP's.
    // An address that found nothing comes back typed, to be corrected; one that matched stays unsaid.
    const retry = answer.status === 'no_match' || answer.status === 'unavailable' ? typed.slice(0, 200) : undefined;
    if ((answer.fallback === 'zip' || answer.status === 'near_boundary') && answer.result) {
      return choose(answer.result, notice, { choices: answer.choices, retry });
    }
    return again(notice, { choices: answer.choices, retry });
  });
}
