/**
 * Mounts declared routes on an Express router: label (for metrics), authenticate, read the
 * JSON body, validate every part, call the handler, send its output with the declared status.
 * A route without a body is one Express layer; one with a body reads it only once the token
 * has been checked.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { TokenService } from '../services/index.ts';
import type { OwnerId } from '../store/types.ts';
import { requestOwner } from './authenticate.ts';
import { parseRequest } from './parse-request.ts';
import { PreparedJson } from './prepared-json.ts';
import { httpProblem } from './problems.ts';
import type { AnyRoute } from './route.ts';

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
async function respond(route: AnyRoute, req: Request, res: Response, owner: OwnerId | null): Promise<void> {
  const input = parseRequest(route.request, req);
  const output: unknown = await route.handle({ ...input, owner } as Parameters<AnyRoute['handle']>[0]);
  res.status(route.response.status);
  if (output instanceof PreparedJson) res.set('ETag', output.etag).type('application/json').send(output.text);
  else if (route.response.contentType) res.type(route.response.contentType).send(output);
  else res.json(output);
}

/**
 * Mounts every route in order (so `/result/{test}/changes` must come before `/result/{test}`).
 *
 * @param jsonBody the app's JSON body parser (with its size limit).
 */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], tokens: TokenService, jsonBody: RequestHandler): void {
  for (const route of routes) {
    const start = async (req: Request, res: Response): Promise<OwnerId | null> => {
      res.locals.route = route.path;
      return route.auth ? requestOwner(tokens, req, res) : null;
    };
    const chain: RequestHandler[] = route.request.body
      ? [
          async (req, res, next) => {
            res.locals.owner = await start(req, res);
            next();
          },
          requireJson,
          jsonBody,
          (req, res) => respond(route, req, res, (res.locals.owner as OwnerId | null | undefined) ?? null),
        ]
      : [async (req, res) => respond(route, req, res, await start(req, res))];
    router[route.method](expressPath(route.path), ...chain);
  }
}
