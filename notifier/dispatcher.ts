/**
 * Delivers claimed notifications: claim a batch (with a lease), send each, record the outcome.
 * Exactly-once is the queue's job (atomic claims fenced by a token); this loop only decides, per
 * attempt, between delivered, retry later (backoff with jitter, Retry-After) and failed.
 *
 * A crash between claim and send leaves the delivery claimed; it is sent again only after its
 * lease runs out. A crash between send and completion can send it twice: the one window that no
 * webhook protocol without idempotency keys can close (docs/notifications.md).
 */
import { retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { buildSlackMessage } from './slack-message.ts';
import { postSlack } from './slack-sender.ts';
import { postWebhook } from './webhook-sender.ts';
import type { ChangeNotice, SendResult } from './types.ts';

/**
 * Lease time beyond the sends themselves: longer than a store may wait to record an outcome (the
 * MongoDB store without transactions waits up to 30 s for its deliveries lock), so a lease never
 * runs out while its holder is still recording a send.
 */
const LEASE_MARGIN_MS = 60_000;

/** A delivery the queue handed to this sender. */
export interface QueuedDelivery {
  id: string;
  /** Whose settings say where the channel sends. */
  owner: string;
  channel: string;
  /** Attempts so far, this one included. */
  attempts: number;
  claimToken: string;
  /** False when the change stopped being significant since the delivery was queued: not sent. */
  significant: boolean;
  notice: ChangeNotice;
}

/** How an attempt ended, as the queue records it. */
export type Outcome =
  | { kind: 'delivered'; at: number }
  | { kind: 'retry'; at: number; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'cancelled' };

/** The store side of deliveries (implemented in `src/services` over the store). */
export interface DeliveryQueue {
  claim(now: number, leaseMs: number, limit: number): Promise<QueuedDelivery[]>;
  /** Records the outcome; false when the lease was lost to another sender. */
  complete(id: string, claimToken: string, outcome: Outcome): Promise<boolean>;
}

/** Where a channel sends, resolved from the owner's current settings. */
export type Target = { kind: 'slack'; webhookUrl: string } | { kind: 'webhook'; url: string; secret: string };

export interface DispatcherOptions {
  queue: DeliveryQueue;
  /** The channel's current target, or null when it is no longer configured. */
  resolveTarget(delivery: QueuedDelivery): Promise<Target | null>;
  /** Wall clock in ms. */
  clock(): number;
  /** Uniform in [0, 1), for jitter. */
  random(): number;
  backoff: BackoffPolicy;
  /** Timeout of one HTTP attempt (ms); the lease is three times as long plus a minute (see LEASE_MARGIN_MS). */
  timeoutMs: number;
  batchSize: number;
}

/** What one pass did. */
export interface DispatchReport {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
  /** Not sent: the change stopped being significant. */
  cancelled: number;
  /** Completions refused because another sender took the lease over. */
  lost: number;
}

/** The JSON body of a generic webhook. */
export function webhookPayload(notice: ChangeNotice): Record<string, unknown> {
  return { event: 'change_point', ...notice };
}

async function send(target: Target, notice: ChangeNotice, timeoutMs: number, now: number): Promise<SendResult> {
  return target.kind === 'slack'
    ? postSlack(target.webhookUrl, buildSlackMessage(notice), { timeoutMs, now })
    : postWebhook(target.url, target.secret, webhookPayload(notice), { timeoutMs, now });
}

async function attempt(d: QueuedDelivery, o: DispatcherOptions): Promise<SendResult> {
  const target = await o.resolveTarget(d);
  if (!target) return { ok: false, retryable: false, error: `channel ${d.channel} is no longer configured` };
  return send(target, d.notice, o.timeoutMs, o.clock());
}

function outcomeOf(result: SendResult, attempts: number, o: DispatcherOptions): Outcome {
  const now = o.clock();
  if (result.ok) return { kind: 'delivered', at: now };
  if (!result.retryable || attempts >= o.backoff.maxAttempts) {
    return { kind: 'failed', error: result.retryable ? `${result.error} (gave up after ${attempts} attempts)` : result.error };
  }
  return { kind: 'retry', at: now + retryDelayMs(o.backoff, attempts, result.retryAfterMs, o.random), error: result.error };
}

/**
 * Claims and sends until nothing is due; returns what it did.
 *
 * @example await dispatchDue({ queue, resolveTarget, clock: Date.now, random: Math.random, backoff: DEFAULT_BACKOFF, timeoutMs: 10000, batchSize: 20 })
 */
export async function dispatchDue(o: DispatcherOptions): Promise<DispatchReport> {
  const report: DispatchReport = { claimed: 0, delivered: 0, retried: 0, failed: 0, cancelled: 0, lost: 0 };
  // Only what was due when the pass began: a retry scheduled during the pass waits for the next
  // one, so a hanging target cannot keep a pass going forever. Leases still run from now.
  const passStart = o.clock();
  for (;;) {
    const batch = await o.queue.claim(passStart, o.timeoutMs * 3 + LEASE_MARGIN_MS + (o.clock() - passStart), o.batchSize);
    if (batch.length === 0) return report;
    report.claimed += batch.length;
    await Promise.all(
      batch.map(async (d) => {
        const outcome = d.significant ? outcomeOf(await attempt(d, o), d.attempts, o) : ({ kind: 'cancelled' } as const);
        if (!(await o.queue.complete(d.id, d.claimToken, outcome))) report.lost++;
        else if (outcome.kind === 'delivered') report.delivered++;
        else if (outcome.kind === 'retry') report.retried++;
        else if (outcome.kind === 'failed') report.failed++;
        else report.cancelled++;
      }),
    );
  }
}
