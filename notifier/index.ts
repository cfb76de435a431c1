/**
 * Vahti's notifier: Slack and signed generic webhooks. Imports nothing from `src/`.
 */
export { changeKind, wants, type ChangeKind } from './classify.ts';
export { buildSlackMessage, type SlackMessage } from './slack-message.ts';
export { postSlack } from './slack-sender.ts';
export { postWebhook } from './webhook-sender.ts';
export { signPayload, verifySignature, SIGNATURE_HEADER } from './signature.ts';
export { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.ts';
export { dispatchDue, webhookPayload, type DeliveryQueue, type DispatchReport, type DispatcherOptions, type Outcome, type QueuedDelivery, type Target } from './dispatcher.ts';
export type { ChangeNotice, Direction, NotifyOn, SendResult } from './types.ts';
