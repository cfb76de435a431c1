/**
 * Routes of a test's change points: read them, and turn detection off or on per metric.
 * Mounted before the results routes, whose `/result/{test}` would otherwise match first.
 */
import type { ChangeGroup, Services } from '../../services/index.ts';
import { preparedJsonMemo } from '../prepared-json.ts';
import { presentChanges } from '../presenters/changes-presenter.ts';
import { presentTestSettings } from '../presenters/test-presenter.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { ChangesResponseSchema, DisableMetricsBodySchema, MetricNamesBodySchema } from '../schemas/changes-schemas.ts';
import { TestParamsSchema } from '../schemas/common.ts';
import { TestSettingsSchema } from '../schemas/config-schemas.ts';

const TAG = 'Change points';

/**
 * The change-point routes, in mounting order.
 *
 * @example mountRoutes(router, changesRoutes(services), tokens, jsonBody)
 */
export function changesRoutes({ changes, config }: Services): AnyRoute[] {
  const prepared = preparedJsonMemo<ChangeGroup[]>();
  return [
    defineRoute({
      method: 'post',
      path: '/result/{test}/changes/disable',
      tag: TAG,
      summary: 'Disable change detection for metrics',
      description: 'The body is a JSON array of metric names; their change points are no longer reported.',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema, body: DisableMetricsBodySchema },
      response: { status: 200, description: 'The test’s settings.', schema: TestSettingsSchema },
      handle: async ({ owner, params, body }) => presentTestSettings(await config.setMetricsEnabled(owner, params.test, body, false)),
    }),
    defineRoute({
      method: 'post',
      path: '/result/{test}/changes/enable',
      tag: TAG,
      summary: 'Enable change detection for metrics',
      description: 'The body is a JSON array of metric names; an empty array enables every metric.',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema, body: MetricNamesBodySchema },
      response: { status: 200, description: 'The test’s settings.', schema: TestSettingsSchema },
      handle: async ({ owner, params, body }) => presentTestSettings(await config.setMetricsEnabled(owner, params.test, body, true)),
    }),
    defineRoute({
      method: 'get',
      path: '/result/{test}/changes',
      tag: TAG,
      summary: 'Read change points',
      description:
        'Change points of every enabled metric (windowed E-divisive, Apache Otava’s algorithm), grouped by result. ' +
        'Computed once per version of the data and thresholds, then served from the cache; the ETag lets pollers ask with If-None-Match.',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema },
      response: { status: 200, description: 'The test’s change points.', schema: ChangesResponseSchema },
      handle: async ({ owner, params }) => {
        const groups = await changes.forTest(owner, params.test);
        return prepared(groups, () => presentChanges(params.test, groups));
      },
    }),
  ];
}
