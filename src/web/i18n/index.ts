import { LANGUAGES, type Language } from '../../domain.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { es } from './es.ts';

export type { MessageKey, Messages };

export const catalogues: Record<Language, Messages> = { en, es };

export type Vars = Record<string, string | number>;

/** Fills `{name}` slots. A slot without a value stays visible rather than vanishing silently. */
export function format(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in vars ? String(vars[name]) : slot));
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(lang: Language): Translate {
  const messages = catalogues[lang];
  return (key, vars) => format(messages[key], vars);
}

export const isLanguage = (value: string | undefined | null): value is Language =>
  !!value && (LANGUAGES as readonly string[]).includes(value);

/**
 * The best of our languages for an Accept-Language header (RFC 9110 §12.5.4): highest q wins,
 * ties go to the earlier entry, `q=0` means "not this one". `es-MX` matches `es`.
 */
export function negotiateLanguage(header: string | undefined | null, fallback: Language = 'en'): Language {
  if (!header) return fallback;
  let best: { lang: Language; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (isLanguage(primary) && (!best || q > best.q)) best = { lang: primary, q };
  }
  return best?.lang ?? fallback;
}

/** Dates as a reader of the language expects them; campaign dates are plain YYYY-MM-DD days. */
export function formatDate(isoDay: string, lang: Language): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(isoDay)?.[0];
  if (!day) return isoDay;
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-US' : 'en-US').format(n);
}

const PARTIES_ES: Record<string, string> = {
  Democratic: 'Demócrata',
  Republican: 'Republicano',
  Independent: 'Independiente',
  Libertarian: 'Libertario',
  Green: 'Verde',
  Nonpartisan: 'Sin partido',
  'Democratic-Farmer-Labor': 'Demócrata-Agrario-Laborista',
};

/**
 * A party's name in the page language: the directory holds one English vocabulary
 * (src/officials/build/party.ts); Spanish names for the common ones, else as published.
 */
export function partyName(party: string, lang: Language): string {
  return lang === 'es' ? (PARTIES_ES[party] ?? party) : party;
}
