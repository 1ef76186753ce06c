import { contentIn } from '../../campaigns/campaign.ts';
import { findPublicCampaign } from '../../campaigns/campaigns.ts';
import { HttpError } from '../../http/errors.ts';
import { isLanguage } from '../../web/i18n/index.ts';
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

/** A campaign's page, any page below it (/c/slug/officials?zip=…), or its widget. */
const CAMPAIGN_PATH = /^\/(?:c|embed)\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/.*)?$/;

function dimension(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new HttpError(400, 'invalid_size', 'maxwidth and maxheight must be positive whole numbers.');
  return Math.min(n, fallback);
}

const nothingToEmbed = () => new HttpError(404, 'not_embeddable', 'There is no embeddable campaign at this address.');

/**
 * The slug a URL names, when it is one of this site's campaign addresses: http(s), on one of
 * `siteOrigins` (scheme, host and port alike: `https://…` on an http site is another site), with
 * no user name or password (`https://user@host/…` is not a link Voz gives out).
 */
export function campaignSlugOf(url: URL, siteOrigins: readonly string[]): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (!siteOrigins.includes(url.origin)) return null;
  return CAMPAIGN_PATH.exec(url.pathname)?.[1] ?? null;
}

/**
 * The oEmbed answer for `?url=`. `siteOrigins` are this site's origins: PUBLIC_URL's, and the one
 * the request was made to (a consumer may know the site by another name, such as its LAN address);
 * the embed code points at the origin the URL used.
 */
export async function oembedResponse(
  deps: Pick<AdminDeps, 'db' | 'config'>,
  query: URLSearchParams,
  siteOrigins: readonly string[],
): Promise<OEmbedRich> {
  const format = query.get('format') ?? 'json';
  if (format !== 'json') throw new HttpError(501, 'format_not_implemented', 'Only format=json is available.');
  const raw = query.get('url');
  if (!raw || !URL.canParse(raw)) throw new HttpError(400, 'invalid_url', 'Give the campaign page address as ?url=.');
  const url = new URL(raw);
  const slug = campaignSlugOf(url, siteOrigins);
  const campaign = slug ? await findPublicCampaign(deps.db, slug) : null;
  if (!campaign?.embedEnabled) throw nothingToEmbed();
  const width = dimension(query.get('maxwidth'), DEFAULT_EMBED_WIDTH);
  const height = dimension(query.get('maxheight'), DEFAULT_EMBED_HEIGHT);
  const asked = url.searchParams.get('lang');
  const lang = asked && isLanguage(asked) ? contentIn(campaign, asked).lang : undefined;
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Voz',
    provider_url: `${url.origin}/`,
    title: contentIn(campaign, lang ?? campaign.defaultLanguage).content.title,
    html: embedSnippet(url.origin, campaign, { width, height, ...(lang ? { lang } : {}) }),
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
