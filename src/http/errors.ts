import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type routes throw. `code` is a stable machine-readable word (e.g. `invalid_zip`);
 * `message` is safe to show a supporter. The error handler renders it as HTML or, under /api,
 * as `{ "error": { "code", "message" } }`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Per-field messages for forms and API bodies. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new HttpError(400, code, message, {}, fields);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function errorBody(err: HttpError): ErrorBody {
  const fields = Object.keys(err.fields).length > 0 ? err.fields : undefined;
  return { error: { code: err.code, message: err.message, ...(fields ? { fields } : {}) } };
}
