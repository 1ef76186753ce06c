import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Campaign bodies are Markdown written by organizers and shown to the public, so the HTML that
 * marked produces goes through sanitize-html with a strict allowlist:
 * - no scripts, styles, iframes, forms or event-handler attributes (nothing that runs or restyles);
 * - no images: pages load nothing from other hosts, and an image URL would be one;
 * - links only to http(s), mailto and tel, each with rel="noopener noreferrer";
 * - headings start at h2, because the page's own h1 is the campaign title (WCAG 1.3.1).
 */

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'del',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'code',
    'pre',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** Sanitised HTML for a campaign body; the pages insert it as raw HTML, so nothing else may. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, SANITIZE);
}

/** The body as plain text (for meta descriptions and previews), without markup. */
export function markdownToText(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
