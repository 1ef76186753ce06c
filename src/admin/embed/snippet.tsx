import type { Campaign } from '../../campaigns/campaign.ts';
import { contentIn } from '../../campaigns/campaign.ts';

/**
 * What an organization pastes into its own site: an iframe of the campaign's embed page and the
 * small host script that resizes it. Rendered through JSX, so every attribute is escaped.
 */
export const DEFAULT_EMBED_HEIGHT = 640;
export const DEFAULT_EMBED_WIDTH = 600;

export const embedUrl = (publicUrl: string, campaign: Campaign): URL =>
  new URL(`/embed/${encodeURIComponent(campaign.slug)}`, publicUrl);

export const hostScriptUrl = (publicUrl: string): URL => new URL('/embed.js', publicUrl);

/** The HTML snippet: an iframe that works alone (at a fixed height), which the host script resizes. */
export function embedSnippet(
  publicUrl: string,
  campaign: Campaign,
  size: { width?: number; height?: number } = {},
): string {
  const title = contentIn(campaign, campaign.defaultLanguage).content.title;
  const frame = (
    <iframe
      src={embedUrl(publicUrl, campaign).toString()}
      title={title}
      width={size.width ?? DEFAULT_EMBED_WIDTH}
      height={size.height ?? DEFAULT_EMBED_HEIGHT}
      data-voz-embed=""
      loading="lazy"
      style="border:0;max-width:100%"
    />
  );
  const script = <script src={hostScriptUrl(publicUrl).toString()} async />;
  return `${String(frame)}\n${String(script)}`;
}
