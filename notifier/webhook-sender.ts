/**
 * Posts a change as JSON to a generic webhook, signed (see `signature.ts`).
 */
import { fromNetworkError, fromStatus } from './send-result.ts';
import { SIGNATURE_HEADER, signPayload } from './signature.ts';
import type { SendResult } from './types.ts';

export interface WebhookSendOptions {
  timeoutMs: number;
  /** Wall clock (ms): signs with its seconds. */
  now: number;
}

/**
 * POSTs `payload` as JSON with a `Vahti-Signature` header. Never throws; errors never contain the URL or secret.
 *
 * @example await postWebhook('https://ci.example/hook', 's3cret', { event: 'change_point' }, { timeoutMs: 10000, now: Date.now() })
 */
export async function postWebhook(url: string, secret: string, payload: unknown, options: WebhookSendOptions): Promise<SendResult> {
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Vahti', [SIGNATURE_HEADER]: signPayload(secret, Math.floor(options.now / 1000), body) },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.arrayBuffer();
    return fromStatus(response.status, response.headers.get('retry-after'), options.now);
  } catch (err) {
    return fromNetworkError(err);
  }
}
