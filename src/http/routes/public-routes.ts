/**
 * Routes of public tests, without authentication: the list, and each public test's results and
 * change points. A private or missing test is 404 to everyone here.
 */
import { z } from 'zod';
import type { ChangeGroup, Services } from '../../services/index.ts';
import { PreparedJson } from '../prepared-json.ts';
import { presentChanges } from '../presenters/changes-presenter.ts';
import { presentPublicTest } from '../presenters/public-presenter.ts';
import { presentResult } from '../presenters/result-presenter.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { PublicTestParamsSchema, PublicTestSchema } from '../schemas/account-schemas.ts';
import { ChangesResponseSchema } from '../schemas/changes-schemas.ts';
import { ResultSchema, ResultWindowQuerySchema } from '../schemas/result-schemas.ts';

const TAG = 'Public';

/**
 * The public routes, in mounting order.
 *
 * @example mountRoutes(router, publicRoutes(services), services, jsonBody)
 */
export function publicRoutes({ publicTests }: Services): AnyRoute[] {
  // Serialised once per version of the change points (without notification states: those are the owner's business).
  const prepared = new WeakMap<ChangeGroup[], PreparedJson<ReturnType<typeof presentChanges>>>();
  return [
    defineRoute({
      method: 'get',
      path: '/public/results',
      tag: TAG,
      summary: 'List public tests',
      description: 'Every test its owner made public, by owner and name.',
      auth: false,
      request: {},
      response: { status: 200, description: 'The public tests.', schema: z.array(PublicTestSchema) },
      handle: async () => (await publicTests.list()).map(presentPublicTest),
    }),
    defineRoute({
      method: 'get',
      path: '/public/result/{owner}/{test}/changes',
      tag: TAG,
      summary: 'Read a public test’s change points',
      auth: false,
      problems: ['not_found'],
      request: { params: PublicTestParamsSchema },
      response: { status: 200, description: 'The test’s change points.', schema: ChangesResponseSchema },
      handle: async ({ params }) => {
        const groups = await publicTests.changes(params.owner, params.test);
        let json = prepared.get(groups);
        if (!json) {
          json = new PreparedJson(presentChanges(params.test, groups));
          prepared.set(groups, json);
        }
        return json;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/public/result/{owner}/{test}',
      tag: TAG,
      summary: 'Read a public test’s results',
      description: 'As `GET /result/{test}`, for a public test of any owner.',
      auth: false,
      problems: ['not_found'],
      request: { params: PublicTestParamsSchema, query: ResultWindowQuerySchema },
      response: { status: 200, description: 'Results, oldest first.', schema: z.array(ResultSchema) },
      handle: async ({ params, query }) => (await publicTests.results(params.owner, params.test, query)).map(presentResult),
    }),
  ];
}
