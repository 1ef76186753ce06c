import type { HttpError } from '../http/errors.ts';
import type { MessageKey } from './i18n/index.ts';

/**
 * What a supporter reads for an error, by its code: HttpError messages are English for the logs
 * and the JSON API, and the supporter's page says the same in the page's language from the
 * catalogues. A code with no entry falls back to a general sentence by status, never to English.
 */
export interface ErrorText {
  title: MessageKey;
  text: MessageKey;
}

const NOT_FOUND: ErrorText = { title: 'error.notFoundTitle', text: 'error.notFound' };
const NOT_SAVED: ErrorText = { title: 'error.notSavedTitle', text: 'error.notSaved' };
const TOO_LARGE: ErrorText = { title: 'error.tooLargeTitle', text: 'error.tooLarge' };

export const SUPPORTER_ERRORS: Readonly<Record<string, ErrorText>> = {
  not_found: NOT_FOUND,
  campaign_not_found: NOT_FOUND,
  campaign_closed: { title: 'error.closedTitle', text: 'error.closed' },
  rate_limited: { title: 'error.rateLimitedTitle', text: 'error.rateLimited' },
  csrf_failed: { title: 'error.expiredTitle', text: 'error.expired' },
  cross_site_form: { title: 'error.expiredTitle', text: 'error.crossSite' },
  database_unavailable: { title: 'error.unavailableTitle', text: 'error.unavailable' },
  invalid_outcome: { title: 'error.generic', text: 'error.invalidOutcome' },
  invalid_action: { title: 'error.generic', text: 'error.invalidOutcome' },
  invalid_place: { title: 'error.generic', text: 'error.lostPlace' },
  unknown_target: { title: 'error.generic', text: 'error.unknownTarget' },
  form_too_large: TOO_LARGE,
  uri_too_long: { title: 'error.tooLargeTitle', text: 'error.tooLong' },
  busy: NOT_SAVED,
  restarting: NOT_SAVED,
  not_saved: NOT_SAVED,
  internal_error: { title: 'error.generic', text: 'error.internal' },
  consent_text_missing: { title: 'error.generic', text: 'error.internal' },
};

export function errorText(err: HttpError): ErrorText {
  const known = SUPPORTER_ERRORS[err.code];
  if (known) return known;
  if (err.status === 404) return NOT_FOUND;
  return { title: 'error.generic', text: err.status >= 500 ? 'error.internal' : 'error.badRequest' };
}
