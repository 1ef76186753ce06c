import type { Campaign } from '../campaigns/campaign.ts';
import { AuditList } from './audit-views.tsx';
import { DashboardBody, type DashboardData, dashboardEtag } from './dashboard.tsx';
import { AdminLayout, CsrfField } from './layout.tsx';
import { canEditCampaign, canExportSupporters, canPublishCampaign } from './permissions.ts';
import type { AuditEntry, User } from './user.ts';

/** One campaign in the workspace: actions, preview, exports, the live dashboard and the audit trail. */

export const STATUS_LABELS = { live: 'Publish', closed: 'Close', draft: 'Back to draft' } as const;

export function CampaignOverview(props: {
  user: User;
  csrf: string;
  campaign: Campaign;
  data: DashboardData;
  trail: AuditEntry[];
  publicUrl: string;
  saved: boolean;
}) {
  const { user, campaign, data, trail, publicUrl } = props;
  const title = campaign.content[campaign.defaultLanguage]?.title ?? campaign.slug;
  return (
    <AdminLayout title={title} user={user} csrf={props.csrf}>
      <h1>{title}</h1>
      {props.saved ? (
        <p class="notice" role="status">
          Saved.
        </p>
      ) : null}
      <p>
        <span class="status">{campaign.status}</span> · <a href={publicUrl}>{publicUrl}</a>
      </p>
      <div class="actions-row">
        {canEditCampaign(user, campaign) ? (
          <a class="button" href={`/admin/campaigns/${campaign.id}/edit`}>
            Edit
          </a>
        ) : null}
        {canPublishCampaign(user, campaign)
          ? (['live', 'closed', 'draft'] as const)
              .filter((s) => s !== campaign.status)
              .map((s) => (
                <form method="post" action={`/admin/campaigns/${campaign.id}/status`}>
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="status" value={s} />
                  <button type="submit">{STATUS_LABELS[s]}</button>
                </form>
              ))
          : null}
        <a class="button" href={`/admin/campaigns/${campaign.id}/embed`}>
          Embed
        </a>
      </div>
      <h2>Preview as a supporter</h2>
      <form method="get" action={`/admin/campaigns/${campaign.id}/preview`} class="actions-row">
        <label for="preview-zip">ZIP code</label>
        <input id="preview-zip" name="zip" inputmode="numeric" pattern="[0-9]{5}" maxlength={5} size={6} required />
        <label for="preview-lang">Language</label>
        <select id="preview-lang" name="lang">
          <option value="en">English</option>
          <option value="es">Spanish</option>
        </select>
        <button type="submit">Preview</button>
      </form>
      <p class="hint">Shows exactly what a supporter there would see. Buttons in the preview do not record anything.</p>
      <h2>Exports</h2>
      <ul>
        <li>
          <a href={`/admin/campaigns/${campaign.id}/actions.csv`} download>
            Actions (CSV)
          </a>
        </li>
        {canExportSupporters(user) ? (
          <li>
            <a href={`/admin/campaigns/${campaign.id}/supporters.csv`} download>
              Opted-in supporters (CSV, personal data)
            </a>
          </li>
        ) : null}
      </ul>
      <p
        class="hint"
        id="live-note"
        data-stopped="Updates stopped: your session ended. Reload the page to sign in again."
      >
        This page updates by itself. <a href={`/admin/campaigns/${campaign.id}`}>Reload</a>
      </p>
      <p id="live-status" class="visually-hidden" role="status" />
      <section
        aria-label="Results"
        data-live-url={`/admin/campaigns/${campaign.id}/dashboard`}
        data-live-etag={dashboardEtag(data)}
        data-live-status="live-status"
        data-live-note="live-note"
      >
        <DashboardBody data={data} />
      </section>
      <h2>Change history</h2>
      {trail.length === 0 ? (
        <p>No changes recorded.</p>
      ) : (
        <AuditList entries={trail} caption="Who changed what, newest first" />
      )}
    </AdminLayout>
  );
}
