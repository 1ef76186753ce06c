import type { Context, Hono } from 'hono';
import { signUp } from '../actions/signup.ts';
import { contentIn } from '../campaigns/campaign.ts';
import { HttpError } from '../http/errors.ts';
import { isLanguage, translator } from './i18n/index.ts';
import { type Place, parsePlace, placeParams } from './location.ts';
import { DonePage, type SignupState } from './pages/done.tsx';
import { formatReported, parseReported } from './reported.ts';
import { sendHtml } from './respond.ts';
import { fieldsOf, type WebEnv, type WebShared } from './web-env.ts';

/** The last step: thanks, sharing, and the opt-in signup. */
export function doneRoutes(app: Hono<WebEnv>, shared: WebShared): void {
  async function donePage(c: Context<WebEnv>, signup: SignupState, status: 200 | 400 = 200): Promise<Response> {
    const campaign = await shared.publicCampaign(c.req.param('slug') ?? '');
    const ctx = shared.ctxOf(c, c.get('csrfToken'));
    const { lang: contentLang, content } = contentIn(campaign, ctx.lang);
    const search = new URL(c.req.url).searchParams;
    const parsed = parsePlace(search);
    const place: Place = parsed.ok ? parsed.place : { zip: null, state: null, district: null, lat: null, lon: null };
    // Only well-formed entries survive parsing, so the carried value is rebuilt from them.
    const reported = parseReported(search.get('r'));
    const page = (
      <DonePage
        ctx={ctx}
        campaign={campaign}
        content={content}
        contentLang={contentLang}
        place={place}
        reported={reported}
        reportedParam={formatReported(reported)}
        signup={signup}
      />
    );
    return sendHtml(c, page, status);
  }

  app.get('/c/:slug/done', (c) =>
    donePage(c, {
      signedUp: c.req.query('signed') === '1',
      values: { name: '', email: '', zip: c.req.query('zip') ?? '' },
      errors: {},
    }),
  );

  app.post('/c/:slug/signup', shared.limits.reports, async (c) => {
    const slug = c.req.param('slug');
    const ctx = shared.ctxOf(c, c.get('csrfToken'));
    const fields = fieldsOf(await c.req.parseBody({ all: true }));
    const consentLang = fields.get('consent_lang');
    const input = {
      name: fields.get('name') ?? '',
      email: fields.get('email') ?? '',
      zip: fields.get('zip') ?? '',
      consent: fields.get('consent') ?? '',
    };
    try {
      await signUp(shared.actions, {
        campaignSlug: slug,
        input,
        consentText: translator(isLanguage(consentLang) ? consentLang : ctx.lang)('done.signupConsent'),
      });
    } catch (err) {
      if (err instanceof HttpError && err.code === 'invalid_signup') {
        const values = { name: input.name.slice(0, 100), email: input.email.slice(0, 254), zip: input.zip.slice(0, 5) };
        return donePage(c, { signedUp: false, values, errors: err.fields }, 400);
      }
      throw err;
    }
    const search = new URL(c.req.url).searchParams;
    const parsed = parsePlace(search);
    const reported = formatReported(parseReported(search.get('r')));
    return c.redirect(
      ctx.link(`/c/${slug}/done`, {
        ...(parsed.ok ? placeParams(parsed.place) : {}),
        ...(reported ? { r: reported } : {}),
        signed: 1,
      }),
      303,
    );
  });
}
