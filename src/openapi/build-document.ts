/**
 * The OpenAPI 3.1 document, generated from the route declarations and their zod schemas with
 * @asteasolutions/zod-to-openapi: every mounted route is documented, with the schemas that
 * validate it, and the problems it can answer with.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { PROBLEM_TYPES, type ProblemCode } from '../http/problems.ts';
import { routeAccess, type AnyRoute } from '../http/route.ts';
import { ProblemSchema } from '../http/schemas/common.ts';

/** Routes mounted under one path prefix. */
export interface RouteGroup {
  prefix: string;
  routes: readonly AnyRoute[];
}

/** The document as generated (a plain JSON-serialisable object). */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const SECURITY_SCHEME = 'bearerAuth';
const SESSION_SCHEME = 'sessionCookie';

/** The problems a route can answer with: those its declaration implies, then its own. */
export function routeProblems(route: AnyRoute): ProblemCode[] {
  const { params, query, body } = route.request;
  const implied: ProblemCode[] = [];
  if (route.auth) implied.push('unauthorized');
  if (route.auth && route.method !== 'get') implied.push('csrf_failed');
  if (route.auth && routeAccess(route) === 'configure') implied.push('forbidden');
  if (route.scope === 'org') implied.push('not_found');
  const paramNames = Object.keys(params?.shape ?? {});
  if (paramNames.includes('test')) implied.push('invalid_test_name');
  if (paramNames.some((name) => name !== 'test')) implied.push('not_found');
  if (query || body) implied.push('validation_failed');
  if (body) implied.push('malformed_json', 'unsupported_media_type', 'payload_too_large');
  return [...new Set([...implied, ...(route.problems ?? []), 'internal_error' as const])];
}

function errorResponses(route: AnyRoute): Record<number, ResponseConfig> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of routeProblems(route)) {
    const { status } = PROBLEM_TYPES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      {
        description: codes.map((c) => `\`${c}\`: ${PROBLEM_TYPES[c].description}`).join(' '),
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

function successResponse(route: AnyRoute): ResponseConfig {
  const { description, schema, contentType } = route.response;
  if (schema) return { description, content: { [contentType ?? 'application/json']: { schema } } };
  return { description, content: { [contentType ?? 'text/plain']: { schema: { type: 'string' } } } };
}

/**
 * Builds the document of every route in `groups`.
 *
 * Cost: O(routes + schema size); build it once and serve the result.
 *
 * @example buildOpenApiDocument([{ prefix: '/api/v0', routes }], '0.1.0').paths['/api/v0/results']
 */
export function buildOpenApiDocument(groups: readonly RouteGroup[], version: string): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from `POST /api/v0/tokens` (or `npx vahti token create --user LOGIN`).',
  });
  registry.registerComponent('securitySchemes', SESSION_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: 'vahti.sid',
    description: 'The login session a GitHub login (`GET /auth/github`) leaves; writes must also send its CSRF token as `X-CSRF-Token`.',
  });
  for (const { prefix, routes } of groups) {
    for (const route of routes) {
      const { params, query, body } = route.request;
      registry.registerPath({
        method: route.method,
        path: `${prefix}${route.path}`,
        tags: [route.tag],
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        ...(route.auth ? { security: [{ [SECURITY_SCHEME]: [] }, { [SESSION_SCHEME]: [] }] } : {}),
        request: {
          ...(params ? { params } : {}),
          ...(query ? { query } : {}),
          ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
        },
        responses: { [route.response.status]: successResponse(route), ...errorResponses(route) },
      });
    }
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Vahti API',
      version,
      description:
        'Vahti stores benchmark results as time series and finds change points in them. ' +
        'Authenticate with `Authorization: Bearer <token>`, or with the login session of a GitHub login (the `vahti.sid` cookie, ' +
        'plus `X-CSRF-Token` on writes). Routes under `/orgs/{org}` act for an organisation the caller belongs to. ' +
        'Errors are RFC 9457 problem documents with a stable `code`.',
    },
  });
}
