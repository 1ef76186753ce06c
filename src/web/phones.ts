import type { Language } from '../domain.ts';
import { haversineKm } from '../lookup/geometry.ts';
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

/** A ZIP's ZCTA internal point (Directory.locateZip), or null when it has none. */
export type LocateZip = (zip: string) => { lat: number; lon: number } | null;

/** Where the supporter is, as far as the page knows: a coordinate, a ZIP, and how to place a ZIP. */
export interface Near {
  lat: number | null;
  lon: number | null;
  zip: string | null;
  locateZip?: LocateZip;
}

const sharedPrefix = (a: string | null, b: string | null) => {
  if (!a || !b) return 0;
  let n = 0;
  while (n < Math.min(a.length, b.length, 5) && a[n] === b[n]) n++;
  return n;
};

/**
 * The local office nearest the supporter, by great-circle distance from their coordinate, or
 * else from their ZIP's internal point, to the office's coordinates (or its own ZIP's point).
 * ZIP prefixes are only a fallback for when there is nothing to measure: they are regional, but
 * coarse (85629, south of Tucson, shares "85" with Phoenix's 85016 as much as Tucson's 85701).
 */
export function nearestLocalOffice(offices: Office[], near: Near): Office | null {
  const local = offices.filter((o) => o.kind !== 'dc' && o.phone);
  if (local.length === 0) return null;
  const locate = (zip: string | null) => (zip && near.locateZip ? near.locateZip(zip) : null);
  const from = near.lat !== null && near.lon !== null ? { lat: near.lat, lon: near.lon } : locate(near.zip);
  if (from) {
    let best: { office: Office; km: number } | null = null;
    for (const office of local) {
      const at = office.lat !== null && office.lon !== null ? { lat: office.lat, lon: office.lon } : locate(office.zip);
      if (!at) continue;
      const km = haversineKm(from.lat, from.lon, at.lat, at.lon);
      if (!best || km < best.km) best = { office, km };
    }
    if (best) return best.office;
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
  near: Near,
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
