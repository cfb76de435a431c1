/**
 * Mounts declared routes on an Express router: label (for metrics), authenticate, resolve the
 * owner and check access, read the JSON body, validate every part, call the handler, send its
 * output with the declared status. A route without a body is one Express layer; one with a body
 * reads it only once the caller has been checked.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { Services } from '../services/index.ts';
import type { OwnerId } from '../store/types.ts';
import { authenticate } from './authenticate.ts';
import { parseRequest } from './parse-request.ts';
import { PreparedJson } from './prepared-json.ts';
import { httpProblem } from './problems.ts';
import { routeAccess, type AnyRoute, type Caller } from './route.ts';

/** Who a request is from and whom it acts for; both null on a route without authentication. */
interface Acting {
  owner: OwnerId | null;
  caller: Caller | null;
}


/**
 * The Express path of an OpenAPI path: `{test}` becomes a wildcard (test names contain `/`),
 * any other `{name}` one segment.
 *
 * @example expressPath('/result/{test}/changes') // '/result/*test/changes'
 */
export function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'test' ? `*${name}` : `:${name}`));
}

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is(['application/json', 'application/*+json'])) {
    throw httpProblem('unsupported_media_type', 'send the body as application/json');
  }
  next();
};

/** Validates the request, runs the handler and sends its output. */
async function respond(route: AnyRoute, req: Request, res: Response, acting: Acting): Promise<void> {
  const input = parseRequest(route.request, req);
  const output: unknown = await route.handle({ ...input, ...acting } as Parameters<AnyRoute['handle']>[0]);
  res.status(route.response.status);
  if (output instanceof PreparedJson) res.set('ETag', output.etag).type('application/json').send(output.text);
  else if (route.response.contentType) res.type(route.response.contentType).send(output);
  else res.json(output);
}

/**
 * Mounts every route in order (so `/result/{test}/changes` must come before `/result/{test}`).
 *
 * @param services the token service authenticates, the access service resolves owners.
 * @param jsonBody the app's JSON body parser (with its size limit).
 */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], services: Pick<Services, 'tokens' | 'access'>, jsonBody: RequestHandler): void {
  for (const route of routes) {
    const start = async (req: Request, res: Response): Promise<Acting> => {
      res.locals.route = route.path;
      if (!route.auth) return { owner: null, caller: null };
      const caller = await authenticate(services.tokens, req, res);
      const org = route.scope === 'org' ? String(req.params.org) : null;
      return { owner: await services.access.ownerFor(caller.principal, org, routeAccess(route)), caller };
    };
    const chain: RequestHandler[] = route.request.body
      ? [
          async (req, res, next) => {
            res.locals.acting = await start(req, res);
            next();
          },
          requireJson,
          jsonBody,
          (req, res) => respond(route, req, res, res.locals.acting as Acting),
        ]
      : [async (req, res) => respond(route, req, res, await start(req, res))];
    router[route.method](expressPath(route.path), ...chain);
  }
}
