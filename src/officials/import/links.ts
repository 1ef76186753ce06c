/**
 * Choosing an official's website and contact form from Open States `links`. Upstream keeps every
 * link it has ever recorded, unordered and mostly without notes: California's Attorney General lists
 * his old Assembly site first, then the office's own site, Ballotpedia and others. So: a link noted
 * as the home page wins; then a government site (`.gov`, or a state's `.us` domain) on its root;
 * then any government site; reference sites (Ballotpedia, Wikipedia, …) are never the website.
 */
export type Link = { url: string; note?: string | undefined };

const REFERENCE_HOSTS =
  /(^|\.)(ballotpedia\.org|wikipedia\.org|naag\.org|nga\.org|facebook\.com|twitter\.com|x\.com)$/i;

function hostAndPath(url: string): { host: string; path: string } | null {
  try {
    const u = new URL(url);
    return { host: u.hostname, path: u.pathname };
  } catch {
    return null;
  }
}

const isGovernmentHost = (host: string) => /\.gov$/i.test(host) || /\.[a-z]{2}\.us$/i.test(host);

export const isContactForm = (l: Link): boolean => {
  if (l.note && /webform|contact/i.test(l.note)) return true;
  const parts = hostAndPath(l.url);
  return !!parts && isGovernmentHost(parts.host) && /\/contact(-us)?\/?$/i.test(parts.path);
};

export function websiteOf(links: Link[]): string | null {
  const noted = links.find((l) => l.note && /homepage|website|member/i.test(l.note));
  if (noted) return noted.url;
  const candidates = links
    .filter((l) => !l.note && !isContactForm(l))
    .map((l) => ({ link: l, parts: hostAndPath(l.url) }))
    .filter((c) => c.parts && !REFERENCE_HOSTS.test(c.parts.host));
  const government = candidates.filter((c) => isGovernmentHost(c.parts!.host));
  const root = government.find((c) => c.parts!.path === '/' || c.parts!.path === '');
  return (root ?? government[0] ?? candidates[0])?.link.url ?? links[0]?.url ?? null;
}
