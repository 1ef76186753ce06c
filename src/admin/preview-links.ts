import type { Language } from '../domain.ts';
import { buildLink } from '../web/context.ts';

/**
 * Where the supporter's links point inside the organizer's preview. The officials step builds
 * `/c/<slug>…` paths; in a preview each one maps to the preview itself, so choosing a district,
 * changing the location or switching language never lands on the public page, where a draft is a
 * 404 and a live campaign records real outcomes.
 */

export const previewPath = (id: string): string => `/admin/campaigns/${encodeURIComponent(id)}/preview`;

type LinkParams = Parameters<typeof buildLink>[1];

export function previewLinks(slug: string, id: string, lang: Language | undefined) {
  const base = `/c/${slug}`;
  const root = previewPath(id);
  return (path: string, params?: LinkParams): string => {
    const url = new URL(path, 'http://voz.invalid');
    const rest =
      url.pathname === base ? '' : url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) : null;
    // The step's own pages (officials, done, location) all open the preview's step at the same
    // place; outcomes and the address form post to the preview's own routes. Any other path
    // is the site's home or another campaign: the preview's start stands in for it.
    const target = rest === '/outcomes' || rest === '/address' ? `${root}${rest}` : root;
    const keep = rest === null ? {} : params;
    return buildLink(`${target}${url.hash}`, keep, lang);
  };
}
