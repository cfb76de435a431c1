/**
 * Public shape of an owner's config: the Slack webhook URL masked, webhook URLs masked and their
 * secrets left out. Secrets are stored, never shown again.
 */
import type { z } from 'zod';
import { maskUrl, readNotifierSettings } from '../../services/notifier-settings.ts';
import type { OwnerConfig } from '../../store/types.ts';
import type { OwnerConfigViewSchema } from '../schemas/config-schemas.ts';

/**
 * The config as GET returns it.
 *
 * @example presentOwnerConfig(config).notifiers.slack // { webhook_url: 'https://hooks.slack.com/…wxyz', notify_on: 'regressions' }
 */
export function presentOwnerConfig(config: OwnerConfig): z.input<typeof OwnerConfigViewSchema> {
  const n = readNotifierSettings(config.notifiers);
  return {
    core: { ...config.core },
    notifiers: {
      slack: n.slack ? { webhook_url: maskUrl(n.slack.webhook_url), notify_on: n.slack.notify_on } : null,
      since_days: n.since_days,
      webhooks: n.webhooks.map((w) => ({ id: w.id, url: maskUrl(w.url), notify_on: w.notify_on })),
      muted_tests: n.muted_tests,
    },
  };
}
