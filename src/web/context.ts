import type { Context } from 'hono';
import type { Language } from '../domain.ts';
import type { Assets } from './assets.ts';
import { isLanguage, negotiateLanguage, type Translate, translator } from './i18n/index.ts';

/** Everything a page component needs about the request, computed once per request. */
export interface PageContext {
  lang: Language;
  /** The language came from `?lang=`, so links and forms carry it on. */
  explicitLang: boolean;
  t: Translate;
  /** Path and query of this request, for the language switch. */
  path: string;
  query: URLSearchParams;
  /** Builds a same-site link that keeps the chosen language; values null/undefined/'' are left out. */
  link(path: string, params?: Record<string, string | number | null | undefined | string[]>): string;
  csrfToken: string | null;
  assets: Assets;
  vintage: string;
  now: Date;
  publicUrl: string;
}

const BASE = 'http://voz.invalid';

export function buildLink(
  path: string,
  params: Record<string, string | number | null | undefined | string[]> = {},
  lang?: Language,
): string {
  const url = new URL(path, BASE);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
    else if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  if (lang) url.searchParams.set('lang', lang);
  return url.pathname + url.search + url.hash;
}

export function pageContext(
  c: Context,
  deps: { assets: Assets; vintage: string; now: Date; publicUrl: string },
  csrfToken: string | null = null,
): PageContext {
  const asked = c.req.query('lang');
  const explicitLang = isLanguage(asked);
  const lang: Language = explicitLang ? asked : negotiateLanguage(c.req.header('accept-language'));
  const url = new URL(c.req.url);
  return {
    lang,
    explicitLang,
    t: translator(lang),
    path: url.pathname,
    query: url.searchParams,
    link: (path, params) => buildLink(path, params, explicitLang ? lang : undefined),
    csrfToken,
    ...deps,
  };
}

/** The same page in the other language. */
export function languageSwitch(ctx: PageContext): { href: string; lang: Language } {
  const other: Language = ctx.lang === 'en' ? 'es' : 'en';
  const url = new URL(ctx.path, BASE);
  for (const [k, v] of ctx.query) if (k !== 'lang') url.searchParams.append(k, v);
  url.searchParams.set('lang', other);
  return { href: url.pathname + url.search, lang: other };
}
