/**
 * Notifications: every change point is told once per channel, uploads never wait for Slack, and
 * a Slack outage only delays messages.
 *
 * - After each upload, `syncTest` records the test's current change points in the store
 *   (`syncChanges`): a new change gets one pending delivery per channel that wants it; a change
 *   that stops being significant before it was sent is cancelled; one already sent is never sent
 *   again when its statistics shift.
 * - `kick` (after an upload) and the periodic sweep run the notifier's dispatcher in the
 *   background: deliveries are claimed atomically with a lease, so several server instances on
 *   one database never send the same delivery, and a crashed sender's claim is taken over only
 *   when its lease runs out.
 */
import {
  DEFAULT_BACKOFF,
  dispatchDue,
  type BackoffPolicy,
  type ChangeNotice,
  type DeliveryQueue,
  type DispatchReport,
  type QueuedDelivery,
  type Target,
} from '../../notifier/index.ts';
import type { ChangeRecord, DeliveryState, DetectedChange, Delivery } from '../store/change-types.ts';
import type { OwnerId, Store, TestMeta } from '../store/types.ts';
import { LruCache } from './lru-cache.ts';
import { channelsFor, readNotifierSettings } from './notifier-settings.ts';
import type { ChangeGroup } from './series-analysis.ts';

/** How long a test's delivery states are served from memory (see `states`). */
const STATES_TTL_MS = 2000;

/** The notification states of a test's changes, and a string that differs whenever they do. */
export interface DeliveryStates {
  byChange: Map<string, Record<string, DeliveryState>>;
  signature: string;
}

/** How the service sends. */
export interface NotificationOptions {
  /** Base URL of the dashboard, for links in messages. */
  publicUrl: string;
  /** Wall clock in milliseconds. */
  clockMs: () => number;
  /** Uniform in [0, 1), for retry jitter. */
  random: () => number;
  backoff?: BackoffPolicy;
  /** Timeout of one HTTP attempt (ms). */
  timeoutMs?: number;
  batchSize?: number;
  /** Where background failures are reported (never with secrets). */
  onError: (err: unknown) => void;
}

/** The identity of a change: the commit of the first result after it, else its timestamp. */
export function changeKey(attributes: { git_commit: string }, time: number): string {
  return attributes.git_commit ? `commit:${attributes.git_commit}` : `ts:${time}`;
}

/** The owner as people know it: the login or organisation name without its kind prefix. */
function ownerName(owner: OwnerId): string {
  return owner.replace(/^[a-z]:/, '');
}

/** Detected changes of a test, one per metric and change point. */
export function detectedChanges(groups: readonly ChangeGroup[]): DetectedChange[] {
  return groups.flatMap((g) =>
    g.changes.map((c) => ({
      metric: c.metric,
      change_key: changeKey(g.attributes, g.time),
      details: {
        time: g.time,
        index: c.index,
        pvalue: c.pvalue,
        magnitude: c.magnitude,
        forward_change_percent: c.forward_change_percent,
        mean_before: c.mean_before,
        mean_after: c.mean_after,
        stddev_before: c.stddev_before,
        stddev_after: c.stddev_after,
        unit: c.unit,
        ...(c.direction ? { direction: c.direction } : {}),
        attributes: { ...g.attributes },
      },
    })),
  );
}

/** Syncs change points into deliveries, sends them in the background, lists and retries them. */
export class NotificationService {
  readonly #store: Store;
  readonly #options: NotificationOptions;
  #running: Promise<DispatchReport> | null = null;
  #again = false;
  readonly #states = new LruCache<string, DeliveryStates & { at: number }>(1024);

  constructor(store: Store, options: NotificationOptions) {
    this.#store = store;
    this.#options = options;
  }

  /**
   * Records the test's current change points and makes deliveries pending for new ones; returns
   * how many became pending. The metrics reconciled are those with change points now or before,
   * less the disabled ones (whose records are left alone). One store transaction. Skipped when
   * the test has moved past `meta.version` (a newer upload syncs it).
   */
  async syncTest(owner: OwnerId, meta: TestMeta, groups: readonly ChangeGroup[]): Promise<number> {
    // Concurrent uploads: a detection of older data must not undo the sync of newer data.
    const current = await this.#store.getTest(owner, meta.name);
    if (current && current.version > meta.version) return 0;
    const settings = readNotifierSettings((await this.#store.getOwnerConfig(owner))?.notifiers);
    const known = await this.#store.listChanges(owner, meta.name);
    const disabled = new Set(meta.config.disabled_metrics);
    const metrics = [...new Set([...groups.flatMap((g) => g.changes.map((c) => c.metric)), ...known.map((k) => k.change.metric)])].filter((m) => !disabled.has(m));
    const now = this.#options.clockMs();
    this.#states.delete(`${owner}\u0000${meta.name}`);
    return this.#store.syncChanges(owner, meta.name, metrics, detectedChanges(groups), (c) => channelsFor(settings, meta.name, c, now), now);
  }

  /**
   * After an upload: syncs the test, then sends in the background. Never throws — the results
   * are stored already; a failed sync is reported to `onError` and redone by the next upload.
   */
  async afterUpload(owner: OwnerId, meta: TestMeta, groups: readonly ChangeGroup[]): Promise<void> {
    try {
      if ((await this.syncTest(owner, meta, groups)) > 0) this.kick();
    } catch (err) {
      this.#options.onError(err);
    }
  }

  /**
   * Sends what is due, in the background; overlapping calls fold into one more pass. Never
   * throws: failures go to `onError`.
   */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.dispatchNow()
      .catch((err: unknown) => {
        this.#options.onError(err);
        return { claimed: 0, delivered: 0, retried: 0, failed: 0, cancelled: 0, lost: 0 };
      })
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Waits for the background pass, if one runs (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Claims and sends every due delivery now; returns what it did. */
  async dispatchNow(): Promise<DispatchReport> {
    const o = this.#options;
    return dispatchDue({
      queue: this.#queue(),
      resolveTarget: (d) => this.#target(d),
      clock: o.clockMs,
      random: o.random,
      backoff: o.backoff ?? DEFAULT_BACKOFF,
      timeoutMs: o.timeoutMs ?? 10_000,
      batchSize: o.batchSize ?? 20,
    });
  }

  /** The owner's deliveries, newest first, optionally in one state. */
  async list(owner: OwnerId, state?: DeliveryState): Promise<{ delivery: Delivery; change: ChangeRecord }[]> {
    return this.#store.listDeliveries(owner, state);
  }

  /** Puts a failed delivery back in the queue and sends it; false when there is no such failed delivery. */
  async retry(owner: OwnerId, id: string): Promise<boolean> {
    const ok = await this.#store.retryDelivery(owner, id, this.#options.clockMs());
    if (ok) this.kick();
    return ok;
  }

  /**
   * Delivery states of a test's changes, keyed by `metric` + NUL + `change_key`, then by channel,
   * with a signature that changes whenever they do. Kept for {@link STATES_TTL_MS}, and dropped
   * at once when this instance syncs the test or completes one of its deliveries; another
   * instance's sends show within the TTL.
   */
  async states(owner: OwnerId, test: string): Promise<DeliveryStates> {
    const key = `${owner}\u0000${test}`;
    const now = this.#options.clockMs();
    const hit = this.#states.get(key);
    if (hit && now - hit.at < STATES_TTL_MS) return hit;
    const byChange = new Map<string, Record<string, DeliveryState>>();
    for (const { change, deliveries } of await this.#store.listChanges(owner, test)) {
      byChange.set(`${change.metric}\u0000${change.change_key}`, Object.fromEntries(deliveries.map((d) => [d.channel, d.state])));
    }
    const fresh = { at: now, byChange, signature: JSON.stringify([...byChange]) };
    this.#states.set(key, fresh);
    return fresh;
  }

  #queue(): DeliveryQueue {
    const testOf = new Map<string, string>();
    return {
      claim: async (now, leaseMs, limit) =>
        (await this.#store.claimDeliveries(now, leaseMs, limit)).map(({ delivery, change }) => {
          testOf.set(delivery.id, `${change.owner}\u0000${change.test}`);
          return {
          id: delivery.id,
          channel: delivery.channel,
          attempts: delivery.attempts,
          claimToken: delivery.claim_token ?? '',
          significant: change.significant,
          owner: delivery.owner,
          notice: this.#notice(change),
          };
        }),
      complete: async (id, token, outcome) => {
        const done = await this.#store.completeDelivery(id, token, outcome);
        this.#states.delete(testOf.get(id) ?? '');
        return done;
      },
    };
  }

  #notice(change: ChangeRecord): ChangeNotice {
    const d = change.details;
    const query = new URLSearchParams({ metric: change.metric, ...(d.attributes.git_commit ? { commit: d.attributes.git_commit } : { time: String(d.time) }) });
    const path = change.test.split('/').map(encodeURIComponent).join('/');
    return {
      owner: ownerName(change.owner),
      test: change.test,
      metric: change.metric,
      unit: d.unit,
      ...(d.direction ? { direction: d.direction } : {}),
      time: d.time,
      pvalue: d.pvalue,
      magnitude: d.magnitude,
      forward_change_percent: d.forward_change_percent,
      mean_before: d.mean_before,
      mean_after: d.mean_after,
      stddev_before: d.stddev_before,
      stddev_after: d.stddev_after,
      attributes: { git_repo: d.attributes.git_repo, branch: d.attributes.branch, git_commit: d.attributes.git_commit },
      url: `${this.#options.publicUrl.replace(/\/+$/, '')}/tests/${encodeURIComponent(change.owner)}/${path}?${query}`,
    };
  }

  async #target(d: QueuedDelivery): Promise<Target | null> {
    const settings = readNotifierSettings((await this.#store.getOwnerConfig(d.owner))?.notifiers);
    if (d.channel === 'slack') return settings.slack ? { kind: 'slack', webhookUrl: settings.slack.webhook_url } : null;
    const hook = settings.webhooks.find((w) => `webhook:${w.id}` === d.channel);
    return hook ? { kind: 'webhook', url: hook.url, secret: hook.secret } : null;
  }
}
