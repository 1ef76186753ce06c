/**
 * Template filling for the supporter's side of a script or message. Shared by the server (the
 * no-JavaScript POST) and the client bundle (live filling as the supporter types), so both give
 * the same text. Output is plain text: pages put it in text nodes, never in markup.
 */

export interface SupporterDetails {
  name: string;
  role: string;
  organization: string;
  community: string;
}

export const DETAIL_FIELDS = ['name', 'role', 'organization', 'community'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Long enough for any real name or organization; short enough to keep a message a message. */
export const DETAIL_MAX: Record<DetailField, number> = { name: 100, role: 100, organization: 150, community: 150 };

/** Placeholder → detail. Placeholders are matched without regard to case or inner spacing. */
const SUPPORTER_SLOTS: Record<string, DetailField> = {
  name: 'name',
  'title or role': 'role',
  organization: 'organization',
  community: 'community',
};

export interface PlaceContext {
  zip: string | null;
  city: string | null;
}

/**
 * Replaces supporter placeholders with what the supporter typed. An empty field leaves its
 * placeholder in place so the supporter sees what is still missing, rather than a gap.
 */
export function fillSupporter(template: string, details: Partial<SupporterDetails>, place?: PlaceContext): string {
  return template.replace(/\[([a-z ]{2,20})\]/gi, (slot, raw: string) => {
    const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    const field = SUPPORTER_SLOTS[key];
    if (field) {
      const value = details[field]?.trim();
      return value ? value : slot;
    }
    if (key === 'zip' && place?.zip) return place.zip;
    if (key === 'city' && place?.city) return place.city;
    return slot;
  });
}

/** Trims and caps each field; reports the fields that were over their limit. */
export function cleanDetails(input: Partial<Record<DetailField, unknown>>): {
  details: SupporterDetails;
  tooLong: DetailField[];
} {
  const tooLong: DetailField[] = [];
  const details = { name: '', role: '', organization: '', community: '' };
  for (const field of DETAIL_FIELDS) {
    const value = typeof input[field] === 'string' ? (input[field] as string).replace(/\s+/g, ' ').trim() : '';
    if ([...value].length > DETAIL_MAX[field]) tooLong.push(field);
    details[field] = [...value].slice(0, DETAIL_MAX[field]).join('');
  }
  return { details, tooLong };
}

/**
 * A `mailto:` URL (RFC 6068). URLSearchParams encodes a space as "+", which mail clients show
 * literally, so spaces become %20; a real "+" is already %2B.
 */
export function mailtoUrl(address: string, subject: string, body: string): string {
  const query = new URLSearchParams({ subject, body }).toString().replace(/\+/g, '%20');
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?${query}`;
}
