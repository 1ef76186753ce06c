import { Hono } from 'hono';
import { contentIn } from '../campaigns/campaign.ts';
import { findCampaign } from '../campaigns/campaigns.ts';
import { parseTemplate } from '../campaigns/templates.ts';
import { HttpError } from '../http/errors.ts';
import { loadAssets } from '../web/assets.ts';
import { pageContext } from '../web/context.ts';
import { lookupPlace, parsePlace, reportDivision } from '../web/location.ts';
import { CampaignPage } from '../web/pages/campaign.tsx';
import { ChoosePage } from '../web/pages/choose.tsx';
import { OfficialsPage } from '../web/pages/officials.tsx';
import { CONTENT_SECURITY_POLICY, sendHtml } from '../web/respond.ts';
import { needsHouseDistrict, targetCards } from '../web/targets.ts';
import type { AdminDeps, AdminEnv } from './env.ts';

/**
 * "Preview as a supporter": the supporter's own page components, for any campaign (drafts too)
 * and any ZIP. The preview is inert: its Content-Security-Policy forbids form submissions and
 * fetches, so reporting an outcome from a preview can never count as a real action.
 */
export const PREVIEW_CSP = CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'none'").replace(
  "connect-src 'self'",
  "connect-src 'none'",
);

const EMPTY_DETAILS = { name: '', role: '', organization: '', community: '', city: '' };

export function previewRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/admin/campaigns/:id/preview', async (c) => {
    const id = Number(c.req.param('id'));
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(deps.db, id) : null;
    if (!campaign) throw new HttpError(404, 'campaign_not_found', 'There is no campaign with this number.');
    const ctx = pageContext(c, {
      assets: loadAssets(),
      vintage: deps.directory.status.vintage,
      now: deps.clock.now(),
      publicUrl: deps.config.publicUrl,
    });
    const { lang: contentLang, content } = contentIn(campaign, ctx.lang);
    const parsed = parsePlace(new URL(c.req.url).searchParams);
    let page: unknown;
    let status: 200 | 400 = 200;
    if (!parsed.ok) {
      page = <CampaignPage ctx={ctx} campaign={campaign} />;
    } else {
      let result: ReturnType<typeof lookupPlace> | null = null;
      try {
        result = lookupPlace(deps.directory, parsed.place);
      } catch (err) {
        if (!(err instanceof HttpError) || err.status >= 500) throw err;
        page = <CampaignPage ctx={ctx} campaign={campaign} locationError={err.message} />;
        status = 400;
      }
      if (result && result.confidence !== 'exact' && result.confidence !== 'state_only') {
        page = (
          <ChoosePage
            ctx={ctx}
            campaign={campaign}
            content={content}
            contentLang={contentLang}
            place={parsed.place}
            result={result}
          />
        );
      } else if (result) {
        page = (
          <OfficialsPage
            ctx={ctx}
            campaign={campaign}
            content={content}
            contentLang={contentLang}
            place={parsed.place}
            result={result}
            cards={targetCards(campaign.targets, campaign.customTargets, result)}
            texts={{
              lang: contentLang,
              script: parseTemplate(content.callScript, 'callScript'),
              scriptSource: content.callScript,
              message: parseTemplate(content.message, 'message'),
              messageSource: content.message,
              subject: content.title,
            }}
            details={EMPTY_DETAILS}
            detailErrors={[]}
            reported={new Map()}
            reportedParams={[]}
            report={reportDivision(result)}
            count={null}
            needsDistrict={needsHouseDistrict(campaign.targets, result)}
          />
        );
      }
    }
    const res = await sendHtml(c, page, status);
    res.headers.set('Content-Security-Policy', PREVIEW_CSP);
    res.headers.set('X-Robots-Tag', 'noindex');
    return res;
  });

  return app;
}
