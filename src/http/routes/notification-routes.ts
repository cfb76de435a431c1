/**
 * Routes of notification deliveries: list them (e.g. the failed ones) and retry a failed one.
 */
import type { Services } from '../../services/index.ts';
import { presentNotification } from '../presenters/notification-presenter.ts';
import { httpProblem } from '../problems.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { NotificationListSchema, NotificationParamsSchema, NotificationSchema, NotificationsQuerySchema } from '../schemas/notification-schemas.ts';

const TAG = 'Notifications';

/**
 * The notification routes.
 *
 * @example mountRoutes(router, notificationRoutes(services), tokens, jsonBody)
 */
export function notificationRoutes({ notifications }: Services): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/notifications',
      tag: TAG,
      summary: 'List notification deliveries',
      description: 'Every delivery of a change point to Slack or a webhook, newest first; `?state=failed` lists those that gave up (retry them below).',
      auth: true,
      request: { query: NotificationsQuerySchema },
      response: { status: 200, description: 'The owner’s deliveries.', schema: NotificationListSchema },
      handle: async ({ owner, query }) => (await notifications.list(owner, query.state)).map(presentNotification),
    }),
    defineRoute({
      method: 'post',
      path: '/notifications/{id}/retry',
      tag: TAG,
      summary: 'Retry a failed delivery',
      description: 'Puts a failed delivery back in the queue and sends it now.',
      auth: true,
      problems: ['not_found'],
      request: { params: NotificationParamsSchema },
      response: { status: 202, description: 'Queued again.', schema: NotificationSchema.pick({ id: true }) },
      handle: async ({ owner, params }) => {
        if (!(await notifications.retry(owner, params.id))) throw httpProblem('not_found', `no failed delivery ${params.id}`);
        return { id: params.id };
      },
    }),
  ];
}
