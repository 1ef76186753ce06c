import { Hono } from 'hono';
import { findCampaign } from '../../campaigns/campaigns.ts';
import { HttpError } from '../../http/errors.ts';
import { sendHtml } from '../../web/respond.ts';
import type { AdminDeps, AdminEnv } from '../env.ts';
import { AdminLayout } from '../layout.tsx';
import { currentUser } from '../session.ts';
import { embedSnippet } from './snippet.tsx';

/** The organizer's "Embed" page: the snippet to paste, and how WordPress embeds from the URL. */
export function embedAdminRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/admin/campaigns/:id/embed', async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(deps.db, id) : null;
    if (!campaign) throw new HttpError(404, 'campaign_not_found', 'There is no campaign with this number.');
    const pageUrl = new URL(`/c/${encodeURIComponent(campaign.slug)}`, deps.config.publicUrl).toString();
    return sendHtml(
      c,
      <AdminLayout title="Embed" user={user} csrf={c.get('csrfToken')}>
        <h1>Embed “{campaign.content[campaign.defaultLanguage]?.title ?? campaign.slug}”</h1>
        {campaign.embedEnabled ? null : (
          <p class="alert" role="alert">
            Embedding is off for this campaign: other sites cannot show it in a frame. Turn on “Allow other sites to
            embed this campaign” in the editor first.
          </p>
        )}
        {campaign.status === 'live' ? null : (
          <p class="notice">The campaign is {campaign.status}; the embedded widget appears once it is live.</p>
        )}
        {campaign.embedOrigins.length > 0 ? (
          <p>
            Only these sites may show it in a frame: {campaign.embedOrigins.join(', ')}. Change the list in the editor.
          </p>
        ) : (
          <p>Any site may show it in a frame. The editor can limit it to your own sites.</p>
        )}
        <h2>Paste into your site</h2>
        <label for="snippet">Embed code</label>
        <textarea id="snippet" readonly rows={5}>
          {embedSnippet(deps.config.publicUrl, campaign)}
        </textarea>
        <p class="hint">
          The frame resizes itself to its content, in the campaign's colour and with its logo. Supporters' reports from
          the frame are counted like those from the campaign page.
        </p>
        <h2>WordPress</h2>
        <p>
          Paste the campaign's address on a line of its own in a post: <code>{pageUrl}</code>. WordPress asks Voz for
          the embed code (oEmbed). Some WordPress setups only embed from approved sites; the embed code above always
          works in a Custom HTML block.
        </p>
      </AdminLayout>,
    );
  });
  return app;
}
