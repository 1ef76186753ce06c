import { LIMITS } from '../campaigns/campaign-input.ts';
import { LANGUAGES } from '../domain.ts';

/**
 * How large a request the campaign editor may send. The limits in campaign-input.ts count
 * characters; a request counts bytes after form encoding (application/x-www-form-urlencoded,
 * WHATWG URL §5), where a character of the Basic Multilingual Plane takes up to three bytes of
 * UTF-8 and each byte is written as "%XX": nine bytes a character. (Astral characters take four
 * bytes for two UTF-16 units, which is less per unit.) The body limit is twice the largest valid
 * campaign, so a pasted text far over its field's limit still reaches validation and comes back
 * with a per-field error and everything else as typed.
 */
const BYTES_PER_CHARACTER = 9;
const MB = 1024 * 1024;

const PER_LANGUAGE =
  LIMITS.title + LIMITS.summary + LIMITS.body + LIMITS.callScript + LIMITS.message + LIMITS.shareText;
/** id (64), name, title, phone, email and contact URL. */
const PER_CUSTOM_TARGET = 64 + 2 * LIMITS.name + LIMITS.phone + LIMITS.email + LIMITS.url;
/** Slug, date, tags with their separators, share image and logo URLs, the sites allowed to embed, and the short choices. */
const OTHER_FIELDS =
  LIMITS.slug + 10 + (LIMITS.tag + 2) * LIMITS.tags + 2 * LIMITS.url + (LIMITS.url + 1) * LIMITS.embedOrigins + 256;
/** Field names, "=" and "&" for every field the editor renders, spare rows included. */
const FIELD_NAMES_BYTES = 16 * 1024;

export const LARGEST_VALID_FORM_BYTES =
  (PER_LANGUAGE * LANGUAGES.length + PER_CUSTOM_TARGET * LIMITS.customTargets + OTHER_FIELDS) * BYTES_PER_CHARACTER +
  FIELD_NAMES_BYTES;

export const EDITOR_BODY_LIMIT_BYTES = Math.ceil((2 * LARGEST_VALID_FORM_BYTES) / MB) * MB;

export const formTooLargeMessage = (): string =>
  `This form is over ${EDITOR_BODY_LIMIT_BYTES / MB} MB, far more than a campaign can hold, so nothing was saved. ` +
  `Go back, shorten the longest text (a body holds up to ${LIMITS.body.toLocaleString('en-US')} characters) and save again.`;
