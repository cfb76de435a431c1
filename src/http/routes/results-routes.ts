/**
 * Routes of a test's results: upload (POST appends, PUT upserts), read a window, delete, and
 * list the owner's tests.
 */
import { z } from 'zod';
import type { Services, WriteMode } from '../../services/index.ts';
import { presentChanges } from '../presenters/changes-presenter.ts';
import { presentResult } from '../presenters/result-presenter.ts';
import { presentTestSummary } from '../presenters/test-presenter.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { ChangesResponseSchema } from '../schemas/changes-schemas.ts';
import { TestParamsSchema } from '../schemas/common.ts';
import {
  DeleteQuerySchema,
  DeleteResponseSchema,
  ResultSchema,
  ResultWindowQuerySchema,
  ResultsBodySchema,
  TestSummarySchema,
} from '../schemas/result-schemas.ts';

const TAG = 'Results';

function uploadRoute({ results }: Services, method: 'post' | 'put', mode: WriteMode, summary: string, description: string): AnyRoute {
  return defineRoute({
    method,
    path: '/result/{test}',
    tag: TAG,
    summary,
    description,
    auth: true,
    problems: mode === 'append' ? ['too_many_results', 'conflict'] : ['too_many_results'],
    request: { params: TestParamsSchema, body: ResultsBodySchema },
    response: { status: 200, description: 'The test’s change points after the write.', schema: ChangesResponseSchema },
    handle: async ({ owner, params, body }) => presentChanges(params.test, await results.write(owner, params.test, body, mode)),
  });
}

/**
 * The results routes, in mounting order.
 *
 * @example mountRoutes(router, resultsRoutes(services), tokens, jsonBody)
 */
export function resultsRoutes(services: Services): AnyRoute[] {
  const { results } = services;
  return [
    uploadRoute(
      services,
      'post',
      'append',
      'Upload results',
      'Appends up to 10,000 results in one transaction (all or none), creating the test on first use, and answers with the test’s change points.',
    ),
    uploadRoute(
      services,
      'put',
      'upsert',
      'Upload or replace results',
      'Like POST, but a result with the same timestamp and git_commit as a stored one replaces it, so repeating a request changes nothing.',
    ),
    defineRoute({
      method: 'get',
      path: '/result/{test}',
      tag: TAG,
      summary: 'Read results',
      description: 'The test’s results in timestamp order, optionally within [since, until] and limited to the newest `limit`.',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema, query: ResultWindowQuerySchema },
      response: { status: 200, description: 'Results, oldest first.', schema: z.array(ResultSchema) },
      handle: async ({ owner, params, query }) => (await results.list(owner, params.test, query)).map(presentResult),
    }),
    defineRoute({
      method: 'delete',
      path: '/result/{test}',
      tag: TAG,
      summary: 'Delete results',
      description: 'Deletes all of the test’s results, or only those at `timestamp`.',
      auth: true,
      problems: ['not_found'],
      request: { params: TestParamsSchema, query: DeleteQuerySchema },
      response: { status: 200, description: 'How many results were deleted.', schema: DeleteResponseSchema },
      handle: async ({ owner, params, query }) => ({ deleted: await results.delete(owner, params.test, query.timestamp) }),
    }),
    defineRoute({
      method: 'get',
      path: '/results',
      tag: TAG,
      summary: 'List tests',
      description: 'Every test of the token’s owner, with its last upload time and result count.',
      auth: true,
      request: {},
      response: { status: 200, description: 'The owner’s tests.', schema: z.array(TestSummarySchema) },
      handle: async ({ owner }) => (await results.tests(owner)).map(presentTestSummary),
    }),
  ];
}
