/**
 * Public shape of a delivery: what was sent where and how it went. No target URLs or secrets
 * (those live in the owner's settings and are never shown).
 */
import type { z } from 'zod';
import type { ChangeRecord, Delivery } from '../../store/change-types.ts';
import type { NotificationSchema } from '../schemas/notification-schemas.ts';

/**
 * @example presentNotification({ delivery, change }).state // 'failed'
 */
export function presentNotification({ delivery, change }: { delivery: Delivery; change: ChangeRecord }): z.input<typeof NotificationSchema> {
  return {
    id: delivery.id,
    channel: delivery.channel,
    state: delivery.state,
    attempts: delivery.attempts,
    next_attempt_at: delivery.next_attempt_at,
    delivered_at: delivery.delivered_at,
    last_error: delivery.last_error,
    test: change.test,
    metric: change.metric,
    change: {
      time: change.details.time,
      forward_change_percent: change.details.forward_change_percent,
      pvalue: change.details.pvalue,
      git_commit: change.details.attributes.git_commit,
      significant: change.significant,
    },
  };
}
