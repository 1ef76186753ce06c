import { contentIn } from '../../campaigns/campaign.ts';
import { findPublicCampaign } from '../../campaigns/campaigns.ts';
import { HttpError } from '../../http/errors.ts';
import type { AdminDeps } from '../env.ts';
import { DEFAULT_EMBED_HEIGHT, DEFAULT_EMBED_WIDTH, embedSnippet } from './snippet.tsx';

/**
 * oEmbed 1.0 (https://oembed.com/): given a campaign page's URL, answers a "rich" response whose
 * `html` is the embed snippet, so WordPress and other consumers embed the campaign from its URL.
 * Per the spec: 404 when there is nothing to embed for the URL, 501 for a format other than json,
 * and `maxwidth`/`maxheight` are honoured.
 */
export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  provider_name: string;
  provider_url: string;
  title: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
}

const CAMPAIGN_PATH = /^\/(?:c|embed)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

function dimension(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new HttpError(400, 'invalid_size', 'maxwidth and maxheight must be positive whole numbers.');
  return Math.min(n, fallback);
}

export async function oembedResponse(
  deps: Pick<AdminDeps, 'db' | 'config'>,
  query: URLSearchParams,
): Promise<OEmbedRich> {
  const format = query.get('format') ?? 'json';
  if (format !== 'json') throw new HttpError(501, 'format_not_implemented', 'Only format=json is available.');
  const raw = query.get('url');
  if (!raw || !URL.canParse(raw)) throw new HttpError(400, 'invalid_url', 'Give the campaign page address as ?url=.');
  const url = new URL(raw);
  const site = new URL(deps.config.publicUrl);
  const match = CAMPAIGN_PATH.exec(url.pathname);
  const campaign = url.host === site.host && match ? await findPublicCampaign(deps.db, match[1]!) : null;
  if (!campaign?.embedEnabled)
    throw new HttpError(404, 'not_embeddable', 'There is no embeddable campaign at this address.');
  const width = dimension(query.get('maxwidth'), DEFAULT_EMBED_WIDTH);
  const height = dimension(query.get('maxheight'), DEFAULT_EMBED_HEIGHT);
  const lang = url.searchParams.get('lang') === 'es' ? 'es' : campaign.defaultLanguage;
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Voz',
    provider_url: `${site.origin}/`,
    title: contentIn(campaign, lang).content.title,
    html: embedSnippet(deps.config.publicUrl, campaign, { width, height }),
    width,
    height,
    ...(campaign.shareImageUrl?.startsWith('https://') ? { thumbnail_url: campaign.shareImageUrl } : {}),
  };
}

/** The discovery link's href for a campaign page (oEmbed §4), for the page's <head>. */
export function oembedDiscoveryUrl(publicUrl: string, slug: string): string {
  const url = new URL('/oembed', publicUrl);
  url.searchParams.set('url', new URL(`/c/${encodeURIComponent(slug)}`, publicUrl).toString());
  url.searchParams.set('format', 'json');
  return url.toString();
}
