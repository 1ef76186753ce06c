import { mailtoUrl } from './fill.ts';

export interface ShareLink {
  key: 'shareEmail' | 'shareWhatsapp' | 'shareBluesky' | 'shareX' | 'shareFacebook';
  href: string;
}

const withParams = (base: string, params: Record<string, string>): string => {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
};

/**
 * Plain share links, each service's documented "compose" URL: nothing from those services loads
 * on Voz's pages, and they learn of the share only if the supporter follows the link.
 */
export function shareLinks(pageUrl: string, title: string, text: string): ShareLink[] {
  const message = `${text} ${pageUrl}`.trim();
  return [
    { key: 'shareEmail', href: mailtoUrl('', title, `${text}\n\n${pageUrl}`.trim()) },
    { key: 'shareWhatsapp', href: withParams('https://wa.me/', { text: message }) },
    { key: 'shareBluesky', href: withParams('https://bsky.app/intent/compose', { text: message }) },
    { key: 'shareX', href: withParams('https://x.com/intent/post', { text, url: pageUrl }) },
    { key: 'shareFacebook', href: withParams('https://www.facebook.com/sharer/sharer.php', { u: pageUrl }) },
  ];
}
