/**
 * The Express application: request logging with request ids, metrics, the GitHub login and
 * sessions, the API under /api/v0 (an owner's routes, again under /orgs/{org}, the account and
 * public routes), the service routes at the root, and one problem middleware at the end.
 * Everything it needs is passed in; nothing here reads the environment or opens a store.
 */
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config.ts';
import { buildOpenApiDocument, renderDocsPage, type OpenApiDocument, type RouteGroup } from '../openapi/index.ts';
import type { Services } from '../services/index.ts';
import { mountLogin, TOKENS_ONLY, type LoginSettings } from './auth/mount-login.ts';
import { HttpMetrics } from './http-metrics.ts';
import { mountRoutes } from './mount-routes.ts';
import { problemMiddleware, unmatchedRoute } from './problem-middleware.ts';
import { PROBLEM_TYPES } from './problems.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { agentRoutes } from './routes/agent-routes.ts';
import { changesRoutes } from './routes/changes-routes.ts';
import { configRoutes } from './routes/config-routes.ts';
import { notificationRoutes } from './routes/notification-routes.ts';
import { configuring, orgScoped } from './routes/org-routes.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { resultsRoutes } from './routes/results-routes.ts';
import { serviceRoutes, type Readiness } from './routes/service-routes.ts';
import { mountDashboard } from '../web/index.ts';
import { redactRequestSecrets } from '../logger.ts';

/** Prefix of the versioned API. */
export const API_PREFIX = '/api/v0';

/** Everything the app is built from. */
export interface AppDeps {
  config: Pick<Config, 'bodyLimitBytes'> & Partial<Pick<Config, 'trustProxy'>>;
  /** GitHub login and sessions; tokens only when absent. */
  login?: LoginSettings;
  services: Services;
  logger: Logger;
  readiness: Readiness;
  /** Version shown in the OpenAPI document. */
  version: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the app. The OpenAPI document and the /docs page are generated on first request.
 *
 * @example const app = createApp({ config, services, logger, readiness: { ready: true }, version: '0.1.0' });
 */
export function createApp({ config, login = TOKENS_ONLY, services, logger, readiness, version }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ?? false);
  const metrics = new HttpMetrics();

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
      serializers: { req: redactRequestSecrets },
    }),
  );
  app.use(metrics.middleware());
  mountLogin(app, services, login);

  let document: OpenApiDocument | undefined;
  let openApiJson: string | undefined;
  let docsHtml: string | undefined;
  const describe = () => (document ??= buildOpenApiDocument(groups, version));
  // The routes of an owner's data; again under /orgs/{org} for organisations.
  const ownerRoutes = [
    ...changesRoutes(services),
    ...resultsRoutes(services),
    ...configuring(configRoutes(services)),
    ...agentRoutes(services),
    ...notificationRoutes(services),
  ];
  const groups: RouteGroup[] = [
    {
      prefix: API_PREFIX,
      routes: [...ownerRoutes, ...orgScoped(ownerRoutes), ...accountRoutes(services), ...publicRoutes(services)],
    },
    {
      prefix: '',
      routes: serviceRoutes({
        readiness,
        metrics,
        openApiJson: () => (openApiJson ??= JSON.stringify(describe())),
        docsHtml: () => (docsHtml ??= renderDocsPage(describe(), PROBLEM_TYPES)),
      }),
    },
  ];

  const jsonBody = express.json({ limit: config.bodyLimitBytes });
  for (const { prefix, routes } of groups) {
    const router = express.Router();
    mountRoutes(router, routes, services, jsonBody);
    app.use(prefix || '/', router);
  }
  mountDashboard(app, { githubLogin: login.github !== null && login.sessionSecret !== null });
  app.use(unmatchedRoute);
  app.use(problemMiddleware);
  return app;
}
