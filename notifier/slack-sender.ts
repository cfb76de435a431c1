/**
 * Posts a message to a Slack incoming webhook with the official `@slack/webhook` client.
 * One attempt per call: retries, backoff and Retry-After are the dispatcher's job, so that a
 * retry survives a restart and no upload waits for Slack.
 */
import { IncomingWebhook, IncomingWebhookHTTPError, type FetchFunction } from '@slack/webhook';
import { fromNetworkError, fromStatus } from './send-result.ts';
import type { SlackMessage } from './slack-message.ts';
import type { SendResult } from './types.ts';

export interface SlackSendOptions {
  /** Give up on an attempt after this long (ms). */
  timeoutMs: number;
  /** Wall clock (ms), for HTTP-date Retry-After values. */
  now: number;
}

/**
 * Sends `message` to `webhookUrl`. Never throws; the result's error text never contains the URL.
 *
 * @example await postSlack(url, buildSlackMessage(notice), { timeoutMs: 10000, now: Date.now() })
 */
export async function postSlack(webhookUrl: string, message: SlackMessage, options: SlackSendOptions): Promise<SendResult> {
  // The client's errors carry the status but not the headers: keep Retry-After from the response.
  let retryAfter: string | null = null;
  const fetchKeepingHeaders: FetchFunction = async (url, init) => {
    const response = await fetch(url, init as RequestInit);
    retryAfter = response.headers.get('retry-after');
    return response;
  };
  const webhook = new IncomingWebhook(webhookUrl, { timeout: options.timeoutMs, fetch: fetchKeepingHeaders });
  try {
    await webhook.send({ text: message.text, blocks: message.blocks as never });
    return { ok: true };
  } catch (err) {
    if (err instanceof IncomingWebhookHTTPError) return fromStatus(err.statusCode, retryAfter, options.now);
    const original = (err as { original?: unknown }).original ?? err;
    return fromNetworkError(original);
  }
}
