/**
 * Routes of a test's change points: read them, and turn detection off or on per metric.
 * Mounted before the results routes, whose `/result/{test}` would otherwise match first.
 */
import type { ChangeGroup, Services } from '../../services/index.ts';
import { PreparedJson } from '../prepared-json.ts';
import { presentChanges } from '../presenters/changes-presenter.ts';
import { presentTestSettings } from '../presenters/test-presenter.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { ChangesResponseSchema, DisableMetricsBodySchema, MetricNamesBodySchema } from '../schemas/changes-schemas.ts';
import { TestParamsSchema } from '../schemas/common.ts';
import { TestSettingsSchema } from '../schemas/config-schemas.ts';

const TAG = 'Change points';

function toggleRoute({ config }: Services, action: 'disable' | 'enable', body: typeof MetricNamesBodySchema, effect: string): AnyRoute {
  return defineRoute({
    method: 'post',
    path: `/result/{test}/changes/${action}`,
    tag: TAG,
    summary: `${action === 'disable' ? 'Disable' : 'Enable'} change detection for metrics`,
    description: `The body is a JSON array of metric names; ${effect}`,
    auth: true,
    access: 'configure',
    problems: ['not_found'],
    request: { params: TestParamsSchema, body },
    response: { status: 200, description: 'The test’s settings.', schema: TestSettingsSchema },
    handle: async ({ owner, params, body: metrics }) =>
      presentTestSettings(await config.setMetricsEnabled(owner, params.test, metrics, action === 'enable')),
  });
}

/**
 * The change-point routes, in mounting order.
 *
 * @example mountRoutes(router, changesRoutes(services), tokens, jsonBody)
 */
export function changesRoutes(services: Services): AnyRoute[] {
  const { changes, notifications } = services;
  // Serialised once per version of the change points and of their delivery states.
  const prepared = new WeakMap<ChangeGroup[], { states: string; json: PreparedJson<ReturnType<typeof presentChanges>> }>();
  return [
    toggleRoute(services, 'disable', DisableMetricsBodySchema, 'their change points are no longer reported.'),
    toggleRoute(services, 'enable', MetricNamesBodySchema, 'an empty array enables every metric.'),
    defineRoute({
      method: 'get',
      path: '/result/{test}/changes',
      tag: TAG,
      summary: 'Read change points',
      description:
        'Change points of every enabled metric (windowed E-divisive, Apache Otava’s algorithm), grouped by result. ' +
        'Computed once per version of the data and thresholds, then served from the cache; each change says how its notifications went (`notified`). ' +
        'The ETag lets pollers ask with If-None-Match.',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema },
      response: { status: 200, description: 'The test’s change points.', schema: ChangesResponseSchema },
      handle: async ({ owner, params }) => {
        const groups = await changes.forTest(owner, params.test);
        const { byChange, signature } = await notifications.states(owner, params.test);
        let entry = prepared.get(groups);
        if (entry?.states !== signature) {
          entry = { states: signature, json: new PreparedJson(presentChanges(params.test, groups, byChange)) };
          prepared.set(groups, entry);
        }
        return entry.json;
      },
    }),
  ];
}
