import type { Language } from '../domain.ts';
import type { Office, Official } from '../officials/types.ts';
import { isOpenAt, parseHours } from './hours.ts';

export interface PhoneLine {
  /** What kind of office answers, for its label; absent for a custom target's own number. */
  kind?: Office['kind'];
  phone: string;
  /** `tel:` URL in E.164 form (RFC 3966), or null when the number is not a U.S. number we can dial. */
  tel: string | null;
  hours: string | null;
  /** null: cannot say honestly (see hours.ts). */
  open: boolean | null;
  localTime: string | null;
}

/** `tel:+12022243553` for a ten-digit U.S. number written any common way. */
export function telUrl(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length === 10 ? `tel:+1${national}` : null;
}

const distanceSq = (a: Office, lat: number, lon: number) =>
  a.lat === null || a.lon === null
    ? Number.POSITIVE_INFINITY
    : (a.lat - lat) ** 2 + ((a.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;

const sharedPrefix = (a: string | null, b: string | null) => {
  if (!a || !b) return 0;
  let n = 0;
  while (n < Math.min(a.length, b.length, 5) && a[n] === b[n]) n++;
  return n;
};

/**
 * The local office nearest the supporter: by distance when we have their coordinate, else by the
 * longest shared ZIP prefix (ZIP prefixes are regional: 941xx is San Francisco), else the first.
 */
export function nearestLocalOffice(
  offices: Office[],
  near: { lat: number | null; lon: number | null; zip: string | null },
): Office | null {
  const local = offices.filter((o) => o.kind !== 'dc' && o.phone);
  if (local.length === 0) return null;
  const { lat, lon } = near;
  if (lat !== null && lon !== null && local.some((o) => o.lat !== null)) {
    return [...local].sort((a, b) => distanceSq(a, lat, lon) - distanceSq(b, lat, lon))[0] ?? null;
  }
  return [...local].sort((a, b) => sharedPrefix(b.zip, near.zip) - sharedPrefix(a.zip, near.zip))[0] ?? null;
}

function line(office: Office, now: Date, lang: Language): PhoneLine | null {
  if (!office.phone) return null;
  const open = isOpenAt(parseHours(office.hours), now, office.timeZone);
  let localTime: string | null = null;
  if (open !== null && office.timeZone) {
    localTime = new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', {
      timeZone: office.timeZone,
      hour: 'numeric',
      minute: '2-digit',
    }).format(now);
  }
  return { kind: office.kind, phone: office.phone, tel: telUrl(office.phone), hours: office.hours, open, localTime };
}

/** The Washington office and the nearest local office, each when it has a phone. */
export function phoneLines(
  official: Official,
  near: { lat: number | null; lon: number | null; zip: string | null },
  now: Date,
  lang: Language,
): { dc: PhoneLine | null; local: PhoneLine | null } {
  const dcOffice = official.offices.find((o) => o.kind === 'dc' && o.phone) ?? null;
  const localOffice = nearestLocalOffice(official.offices, near);
  return {
    dc: dcOffice ? line(dcOffice, now, lang) : null,
    local: localOffice ? line(localOffice, now, lang) : null,
  };
}
