/**
 * Routes of the server itself, outside /api/v0 and without a token: readiness, Prometheus
 * metrics, the OpenAPI document and the API reference page.
 */
import { z } from 'zod';
import type { HttpMetrics } from '../http-metrics.ts';
import { httpProblem } from '../problems.ts';
import { defineRoute, type AnyRoute } from '../route.ts';

const TAG = 'Service';

/** Whether the server takes requests: false before start-up completes and while shutting down. */
export interface Readiness {
  ready: boolean;
}

/** What the service routes serve; the documents are built on first use. */
export interface ServiceRouteDeps {
  readiness: Readiness;
  metrics: HttpMetrics;
  openApiJson: () => string;
  docsHtml: () => string;
}

/**
 * The service routes.
 *
 * @example mountRoutes(router, serviceRoutes({ readiness, metrics, openApiJson, docsHtml }), tokens, jsonBody)
 */
export function serviceRoutes({ readiness, metrics, openApiJson, docsHtml }: ServiceRouteDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      tag: TAG,
      summary: 'Readiness',
      description: 'Answers 200 once the server is ready, 503 while it shuts down.',
      auth: false,
      problems: ['service_unavailable'],
      request: {},
      response: { status: 200, description: 'Ready.', schema: z.object({ status: z.literal('ok') }).meta({ id: 'Health' }) },
      handle: () => {
        if (!readiness.ready) throw httpProblem('service_unavailable', 'not ready');
        return { status: 'ok' as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      tag: TAG,
      summary: 'Prometheus metrics',
      auth: false,
      request: {},
      response: { status: 200, description: 'Prometheus text exposition format.', contentType: metrics.registry.contentType },
      handle: () => metrics.registry.metrics(),
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      tag: TAG,
      summary: 'OpenAPI 3.1 document',
      description: 'Generated from the same zod schemas that validate requests.',
      auth: false,
      request: {},
      response: { status: 200, description: 'The OpenAPI document.', contentType: 'application/json' },
      handle: openApiJson,
    }),
    defineRoute({
      method: 'get',
      path: '/docs',
      tag: TAG,
      summary: 'API reference',
      description: 'A self-contained HTML page rendered from the OpenAPI document (no external resources).',
      auth: false,
      request: {},
      response: { status: 200, description: 'HTML page.', contentType: 'text/html; charset=utf-8' },
      handle: docsHtml,
    }),
  ];
}
