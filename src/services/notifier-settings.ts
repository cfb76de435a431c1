/**
 * An owner's notification settings (the `notifiers` part of `/user/config`): where alerts go,
 * which changes each channel wants, how old a change may be, and which tests are muted.
 *
 * Secrets (the Slack webhook URL, webhook secrets) are stored as given and never shown again:
 * a PUT that leaves them out keeps the stored ones, and reads show a masked form.
 */
import { createHash } from 'node:crypto';
import { changeKind, wants, type NotifyOn } from '../../notifier/index.ts';
import type { DetectedChange } from '../store/change-types.ts';
import { DomainError } from '../store/errors.ts';

/** The stored settings, every key present. */
export interface NotifierSettings {
  slack: { webhook_url: string; notify_on: NotifyOn } | null;
  /** Changes whose first result after the change is older than this are not sent. */
  since_days: number;
  webhooks: { id: string; url: string; secret: string; notify_on: NotifyOn }[];
  muted_tests: string[];
}

/** What a PUT may say: absent keys keep the stored value; `slack: null` removes Slack. */
export interface NotifierSettingsInput {
  slack?: { webhook_url?: string; notify_on?: NotifyOn } | null;
  since_days?: number;
  webhooks?: { id?: string; url?: string; secret?: string; notify_on?: NotifyOn }[];
  muted_tests?: string[];
}

/** Defaults: nothing configured, 14 days (Nyrkiö's window). */
export const DEFAULT_NOTIFIERS: NotifierSettings = { slack: null, since_days: 14, webhooks: [], muted_tests: [] };

/** The stored settings of an owner config's `notifiers`, defaults filled in. */
export function readNotifierSettings(stored: Record<string, unknown> | undefined): NotifierSettings {
  const s = (stored ?? {}) as Partial<NotifierSettings>;
  return {
    slack: s.slack ?? null,
    since_days: s.since_days ?? DEFAULT_NOTIFIERS.since_days,
    webhooks: s.webhooks ?? [],
    muted_tests: s.muted_tests ?? [],
  };
}

/** A stable id for a webhook: a hash of its URL, so channels survive edits of other webhooks. */
function webhookId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}

/**
 * Applies a PUT to the stored settings. Throws a `validation_failed` DomainError when a secret
 * is left out that nothing stored can supply.
 *
 * @example mergeNotifierSettings(stored, { slack: { notify_on: 'both' } }) // keeps the stored webhook URL
 */
export function mergeNotifierSettings(stored: NotifierSettings, input: NotifierSettingsInput): NotifierSettings {
  let slack = stored.slack;
  if (input.slack === null) slack = null;
  else if (input.slack) {
    const url = input.slack.webhook_url ?? stored.slack?.webhook_url;
    if (!url) throw new DomainError('validation_failed', 'notifiers.slack.webhook_url is required to set up Slack');
    slack = { webhook_url: url, notify_on: input.slack.notify_on ?? stored.slack?.notify_on ?? 'regressions' };
  }
  const webhooks = input.webhooks?.map((w, i) => {
    const old = w.id === undefined ? undefined : stored.webhooks.find((s) => s.id === w.id);
    if (w.id !== undefined && !old) throw new DomainError('validation_failed', `notifiers.webhooks[${i}].id: no webhook has id ${w.id}`);
    const url = w.url ?? old?.url;
    const secret = w.secret ?? old?.secret;
    if (!url || !secret) throw new DomainError('validation_failed', `notifiers.webhooks[${i}] needs url and secret`);
    return { id: old && !w.url ? old.id : webhookId(url), url, secret, notify_on: w.notify_on ?? old?.notify_on ?? 'both' };
  });
  return {
    slack,
    since_days: input.since_days ?? stored.since_days,
    webhooks: webhooks ?? stored.webhooks,
    muted_tests: input.muted_tests ?? stored.muted_tests,
  };
}

/**
 * A URL reduced to what identifies it without giving it away. Generic webhook URLs show their
 * origin only (their paths often carry tokens); Slack webhook URLs, whose last part is a 24-character
 * secret, also show its last four characters so a user can tell two apart.
 *
 * @example maskUrl('https://hooks.slack.com/services/T0/B0/abcdefghijklmnopqrstuvwx') // 'https://hooks.slack.com/…uvwx'
 * @example maskUrl('https://ci.example/hooks/abc') // 'https://ci.example/…'
 */
export function maskUrl(url: string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return '…';
  }
  const secretPart = url.slice(url.lastIndexOf('/') + 1);
  return secretPart.length >= 20 ? `${origin}/…${url.slice(-4)}` : `${origin}/…`;
}

/**
 * The channels that should tell about a change: none for a muted test or a change older than
 * `since_days`; Slack and each webhook when their `notify_on` wants the change's kind (a metric
 * without direction counts as lower-is-better).
 *
 * @example channelsFor(settings, 'bench/api', change, Date.now()) // ['slack', 'webhook:3f2a…']
 */
export function channelsFor(settings: NotifierSettings, test: string, change: DetectedChange, nowMs: number): string[] {
  if (settings.muted_tests.includes(test)) return [];
  if (change.details.time * 1000 < nowMs - settings.since_days * 86_400_000) return [];
  const kind = changeKind(change.details.direction, change.details.mean_before, change.details.mean_after);
  const channels: string[] = [];
  if (settings.slack && wants(settings.slack.notify_on, kind)) channels.push('slack');
  for (const w of settings.webhooks) if (wants(w.notify_on, kind)) channels.push(`webhook:${w.id}`);
  return channels;
}
