/**
 * Schemas of the notification routes: deliveries of change points to Slack and webhooks.
 */
import { z } from 'zod';

const DeliveryStateSchema = z
  .enum(['pending', 'claimed', 'delivered', 'failed', 'cancelled'])
  .meta({ id: 'DeliveryState', description: 'pending: queued or waiting to retry; claimed: being sent; cancelled: the change stopped being significant before it was sent.' });

/** Query of GET `/notifications`. */
export const NotificationsQuerySchema = z.object({ state: DeliveryStateSchema.optional() });

/** Path of POST `/notifications/{id}/retry`. */
export const NotificationParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** One delivery of one change point to one channel. */
export const NotificationSchema = z
  .object({
    id: z.string(),
    channel: z.string().meta({ description: '`slack` or `webhook:<id>`.' }),
    state: DeliveryStateSchema,
    attempts: z.number().int(),
    next_attempt_at: z.number().int().meta({ description: 'Unix ms.' }),
    delivered_at: z.number().int().nullable().meta({ description: 'Unix ms.' }),
    last_error: z.string().nullable(),
    test: z.string(),
    metric: z.string(),
    change: z.object({
      time: z.number().int(),
      forward_change_percent: z.number(),
      pvalue: z.number(),
      git_commit: z.string(),
      significant: z.boolean().meta({ description: 'Whether detection still reports the change.' }),
    }),
  })
  .meta({ id: 'Notification' });

/** Response of GET `/notifications`. */
export const NotificationListSchema = z.array(NotificationSchema).meta({ id: 'NotificationList' });

/** The notification states of one change, by channel. */
export const NotifiedSchema = z.record(z.string(), DeliveryStateSchema).meta({ id: 'Notified', description: 'Delivery state per channel; empty when no channel wanted the change.' });
