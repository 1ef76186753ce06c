import type { Campaign } from '../../campaigns/campaign.ts';
import { contentIn } from '../../campaigns/campaign.ts';
import type { Language } from '../../domain.ts';

/**
 * What an organization pastes into its own site: an iframe of the campaign's embed page and the
 * small host script that resizes it. Rendered through JSX, so every attribute is escaped.
 */
export const DEFAULT_EMBED_HEIGHT = 640;
export const DEFAULT_EMBED_WIDTH = 600;

/** The widget's address; with a language, the widget speaks it (when the campaign is written in it). */
export function embedUrl(publicUrl: string, campaign: Campaign, lang?: Language): URL {
  const url = new URL(`/embed/${encodeURIComponent(campaign.slug)}`, publicUrl);
  if (lang) url.searchParams.set('lang', lang);
  return url;
}

export const hostScriptUrl = (publicUrl: string): URL => new URL('/embed.js', publicUrl);

/** The HTML snippet: an iframe that works alone (at a fixed height), which the host script resizes. */
export function embedSnippet(
  publicUrl: string,
  campaign: Campaign,
  options: { width?: number; height?: number; lang?: Language } = {},
): string {
  const title = contentIn(campaign, options.lang ?? campaign.defaultLanguage).content.title;
  const frame = (
    <iframe
      src={embedUrl(publicUrl, campaign, options.lang).toString()}
      title={title}
      width={options.width ?? DEFAULT_EMBED_WIDTH}
      height={options.height ?? DEFAULT_EMBED_HEIGHT}
      data-voz-embed=""
      loading="lazy"
      style="border:0;max-width:100%"
    />
  );
  const script = <script src={hostScriptUrl(publicUrl).toString()} async />;
  return `${String(frame)}\n${String(script)}`;
}
