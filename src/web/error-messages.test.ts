import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HttpError } from '../http/errors.ts';
import { errorText, SUPPORTER_ERRORS } from './error-messages.ts';
import { catalogues } from './i18n/index.ts';

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Codes that never reach a supporter's HTML page: JSON-only endpoints, the organizer workspace
 * (its own English pages), the address API, and lookup codes the location step turns into its own
 * sentence (see placeProblemKey in location.ts).
 */
const NOT_ON_SUPPORTER_PAGES = new Set([
  'unsupported_media_type',
  'body_too_large',
  'incomplete_body',
  'invalid_json',
  'invalid_query',
  'missing_query',
  'unknown_official',
  'unknown_division',
  'address_lookup_unavailable',
  'address_not_found',
  'address_ambiguous',
  'invalid_address',
  'invalid_signup',
  'invalid_zip',
  'invalid_state',
  'invalid_district',
  'unknown_district',
  'invalid_division',
  'invalid_point',
  'outside_districts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'admin' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every error code thrown in the code the supporter's requests run through. */
function thrownCodes(): Set<string> {
  const codes = new Set<string>();
  const patterns = [
    /HttpError\(\s*\d{3},\s*'([a-z_]+)'/g,
    /(?:badRequest|notFound)\(\s*'([a-z_]+)'/g,
    /parseOrThrow\([^)]*?'([a-z_]+)',\s*'[^']*'\)/g,
  ];
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) codes.add(m[1]!);
  }
  return codes;
}

test('every error code a supporter can meet has words in every language', () => {
  const codes = thrownCodes();
  assert.ok(codes.has('campaign_closed') && codes.has('rate_limited') && codes.has('csrf_failed'), [...codes].join());
  const unmapped = [...codes].filter((code) => !SUPPORTER_ERRORS[code] && !NOT_ON_SUPPORTER_PAGES.has(code));
  assert.deepEqual(unmapped, [], 'add these codes to SUPPORTER_ERRORS or explain why a supporter never sees them');
  for (const [code, text] of Object.entries(SUPPORTER_ERRORS)) {
    for (const messages of Object.values(catalogues)) {
      assert.ok(messages[text.title] && messages[text.text], code);
    }
  }
});

test('an unknown code falls back by status, never to the English message', () => {
  assert.deepEqual(errorText(new HttpError(418, 'teapot', 'I am a teapot')), {
    title: 'error.generic',
    text: 'error.badRequest',
  });
  assert.equal(errorText(new HttpError(502, 'upstream', 'Bad gateway')).text, 'error.internal');
  assert.equal(errorText(new HttpError(404, 'whatever', 'Gone')).title, 'error.notFoundTitle');
});
