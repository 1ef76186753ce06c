/**
 * The supporter's side of a script or message: the details they type, and the template values
 * they become. Shared by the server (the no-JavaScript POST) and the client bundle (live filling
 * as the supporter types), which both render with the campaigns' template engine, so both give
 * the same text. Output is plain text: pages put it in text nodes, never in markup.
 */

import type { TemplateValues } from '../campaigns/templates.ts';

export interface SupporterDetails {
  name: string;
  role: string;
  organization: string;
  community: string;
  city: string;
}

export const DETAIL_FIELDS = ['name', 'role', 'organization', 'community', 'city'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Long enough for any real name or organization; short enough to keep a message a message. */
export const DETAIL_MAX: Record<DetailField, number> = {
  name: 100,
  role: 100,
  organization: 150,
  community: 150,
  city: 100,
};

/** Trims and caps each field; reports the fields that were over their limit. */
export function cleanDetails(input: Partial<Record<DetailField, unknown>>): {
  details: SupporterDetails;
  tooLong: DetailField[];
} {
  const tooLong: DetailField[] = [];
  const details: SupporterDetails = { name: '', role: '', organization: '', community: '', city: '' };
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

/** Template values for one card: the supporter's details, the ZIP, and the official's title. */
export function templateValues(
  details: Partial<SupporterDetails>,
  zip: string | null,
  official: TemplateValues | null,
): TemplateValues {
  return {
    name: details.name,
    'title or role': details.role,
    organization: details.organization,
    community: details.community,
    city: details.city,
    zip,
    ...official,
  };
}
