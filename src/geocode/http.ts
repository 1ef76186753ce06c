import type { ProviderName } from './types.ts';
import { GeocoderError } from './types.ts';

/**
 * GET a JSON document from a provider with a deadline and one retry. Only failures that a second
 * try can fix are retried: a timeout, a dropped connection, a 5xx. A 4xx or a malformed body is
 * answered at once. Errors carry a kind and a status, never the URL (it holds the address).
 *
 * The deadline covers every attempt and the pause between them: a supporter waits at most
 * `timeoutMs` (GEOCODER_TIMEOUT_MS) before the ZIP fallback, not a timeout per attempt. A retry
 * goes out only while enough of the deadline is left for an answer to arrive.
 */
export interface JsonGetOptions {
  provider: ProviderName;
  /** The whole wait, retry included. */
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Statuses that are an answer rather than a failure (Geocodio's 422 "could not geocode"). */
  answerStatuses?: number[];
  /** Pause before the retry. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

async function attempt(url: URL, options: JsonGetOptions, timeoutMs: number): Promise<JsonResponse> {
  const doFetch = options.fetch ?? fetch;
  // Whole milliseconds: AbortSignal.timeout refuses a fraction.
  const signal = AbortSignal.timeout(Math.max(1, Math.floor(timeoutMs)));
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      headers: { accept: 'application/json', ...options.headers },
      signal,
      redirect: 'error',
    });
    text = await response.text();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    throw new GeocoderError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', options.provider);
  }
  const { status } = response;
  const isAnswer = (status >= 200 && status < 300) || (options.answerStatuses ?? []).includes(status);
  if (!isAnswer) {
    throw new GeocoderError(status >= 500 ? 'server_error' : 'rejected', options.provider, status);
  }
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    throw new GeocoderError('malformed', options.provider, status);
  }
}

const isRetryable = (err: unknown): boolean =>
  err instanceof GeocoderError &&
  (err.failure === 'timeout' || err.failure === 'network' || err.failure === 'server_error');

/** Less than this left of the deadline, a retry would only time out: a quarter of it, at most half a second. */
const minRetryMs = (timeoutMs: number): number => Math.min(500, timeoutMs / 4);

export async function getJson(url: URL, options: JsonGetOptions): Promise<JsonResponse> {
  const deadline = performance.now() + options.timeoutMs;
  try {
    return await attempt(url, options, options.timeoutMs);
  } catch (err) {
    if (!isRetryable(err)) throw err;
    const pause = options.retryDelayMs ?? 50;
    if (deadline - performance.now() - pause < minRetryMs(options.timeoutMs)) throw err;
    await new Promise((resolve) => setTimeout(resolve, pause));
    return attempt(url, options, Math.max(1, deadline - performance.now()));
  }
}
