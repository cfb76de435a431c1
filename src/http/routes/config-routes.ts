/**
 * Routes of configuration: the owner's thresholds and notifiers, and each test's settings.
 */
import type { Services } from '../../services/index.ts';
import { presentOwnerConfig } from '../presenters/owner-config-presenter.ts';
import { presentTestSettings } from '../presenters/test-presenter.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { TestParamsSchema } from '../schemas/common.ts';
import { OwnerConfigSchema, OwnerConfigViewSchema, TestSettingsBodySchema, TestSettingsSchema } from '../schemas/config-schemas.ts';

const TAG = 'Configuration';

/**
 * The configuration routes.
 *
 * @example mountRoutes(router, configRoutes(services), tokens, jsonBody)
 */
export function configRoutes({ config }: Services): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/user/config',
      tag: TAG,
      summary: 'Read the owner’s config',
      description: 'Thresholds for every test (defaults: max_pvalue 0.001, min_magnitude 0.05, window_len 50) and notifier settings.',
      auth: true,
      request: {},
      response: { status: 200, description: 'The owner’s config.', schema: OwnerConfigViewSchema },
      handle: async ({ owner }) => presentOwnerConfig(await config.ownerConfig(owner)),
    }),
    defineRoute({
      method: 'put',
      path: '/user/config',
      tag: TAG,
      summary: 'Replace the owner’s config',
      description:
        'Absent core keys take their defaults; absent notifier keys, and secrets left out, keep their stored value (`slack: null` removes Slack). ' +
        'Change points are recomputed with the new thresholds on their next read.',
      auth: true,
      request: { body: OwnerConfigSchema },
      response: { status: 200, description: 'The stored config, without secrets.', schema: OwnerConfigViewSchema },
      problems: ['validation_failed'],
      handle: async ({ owner, body }) => presentOwnerConfig(await config.replaceOwnerConfig(owner, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/config/{test}',
      tag: TAG,
      summary: 'Read a test’s settings',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema },
      response: { status: 200, description: 'The test’s settings.', schema: TestSettingsSchema },
      handle: async ({ owner, params }) => presentTestSettings(await config.testSettings(owner, params.test)),
    }),
    defineRoute({
      method: 'put',
      path: '/config/{test}',
      tag: TAG,
      summary: 'Change a test’s settings',
      description: 'Sets the public flag and threshold overrides for the test and per metric; absent keys keep their value.',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema, body: TestSettingsBodySchema },
      response: { status: 200, description: 'The test’s settings.', schema: TestSettingsSchema },
      handle: async ({ owner, params, body }) => presentTestSettings(await config.updateTestSettings(owner, params.test, body)),
    }),
  ];
}
