/**
 * Maps an HTTP status to a send result: 2xx delivered; 429 retried after Retry-After; 408, 5xx and
 * network errors retried with backoff; other 4xx are permanent (the target rejects the message).
 */
import type { SendResult } from './types.ts';

/**
 * Seconds or an HTTP date in a Retry-After header, in milliseconds from `now` (ms); undefined if absent or unreadable.
 *
 * @example retryAfterMs('30', Date.now()) // 30000
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The result of an HTTP answer with `status`.
 *
 * @example fromStatus(503, null, 0) // { ok: false, retryable: true, error: 'HTTP 503' }
 */
export function fromStatus(status: number, retryAfter: string | null, now: number): SendResult {
  if (status >= 200 && status < 300) return { ok: true };
  const error = `HTTP ${status}`;
  if (status === 429) return { ok: false, retryable: true, error, retryAfterMs: retryAfterMs(retryAfter, now) };
  return { ok: false, retryable: status >= 500 || status === 408, error };
}

/**
 * The result of a request that got no answer. Only the error's code or name is kept: messages
 * of network errors can contain the URL, which for Slack is the secret.
 */
export function fromNetworkError(err: unknown): SendResult {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  const what = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : (e.cause?.code ?? e.code ?? e.name ?? 'network error');
  return { ok: false, retryable: true, error: `request failed: ${what}` };
}
