/**
 * Schemas of the notifier settings inside `/user/config`: what a PUT may say, and what a read
 * shows (Slack's webhook URL masked, webhook secrets never).
 */
import { z } from 'zod';
import { TestNameSchema } from './common.ts';

const NotifyOnSchema = z
  .enum(['regressions', 'improvements', 'both'])
  .meta({ description: 'Which changes to send, by the metric’s direction (none given: lower is better).' });
const HttpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);

/** PUT: absent keys keep the stored value; `slack: null` removes Slack; omitted secrets are kept. */
export const NotifiersInputSchema = z
  .strictObject({
    slack: z
      .strictObject({
        webhook_url: HttpUrl.optional().meta({ description: 'Slack incoming-webhook URL; omit to keep the stored one.' }),
        notify_on: NotifyOnSchema.optional().meta({ description: 'Default regressions.' }),
      })
      .nullable()
      .optional(),
    since_days: z.number().int().min(0).max(3650).optional().meta({ description: 'Change points older than this are not sent. Default 14.' }),
    webhooks: z
      .array(
        z.strictObject({
          id: z.string().max(64).optional().meta({ description: 'Of a stored webhook, to keep its URL and secret when omitted.' }),
          url: HttpUrl.optional(),
          secret: z.string().min(16).max(256).optional().meta({ description: 'HMAC-SHA256 key for the Vahti-Signature header.' }),
          notify_on: NotifyOnSchema.optional().meta({ description: 'Default both.' }),
        }),
      )
      .max(20)
      .optional(),
    muted_tests: z.array(TestNameSchema).max(1000).optional().meta({ description: 'Tests whose change points are not sent.' }),
  })
  .meta({ id: 'NotifiersUpdate' });

/** GET: the settings without their secrets. */
export const NotifiersViewSchema = z
  .object({
    slack: z.object({ webhook_url: z.string().meta({ description: 'Masked: origin and last four characters.' }), notify_on: NotifyOnSchema }).nullable(),
    since_days: z.number().int(),
    webhooks: z.array(z.object({ id: z.string(), url: z.string().meta({ description: 'Masked.' }), notify_on: NotifyOnSchema })),
    muted_tests: z.array(z.string()),
  })
  .meta({ id: 'Notifiers' });
