/**
 * Mounts declared routes on an Express router: label (for metrics), authenticate, read the
 * JSON body, validate every part, call the handler, send its output with the declared status.
 */
import type { RequestHandler, Router } from 'express';
import type { TokenService } from '../services/index.ts';
import { authenticate } from './authenticate.ts';
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

/**
 * Mounts every route in order (so `/result/{test}/changes` must come before `/result/{test}`).
 *
 * @param jsonBody the app's JSON body parser (with its size limit).
 */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], tokens: TokenService, jsonBody: RequestHandler): void {
  const auth = authenticate(tokens);
  for (const route of routes) {
    const chain: RequestHandler[] = [
      (_req, res, next) => {
        res.locals.route = route.path;
        next();
      },
    ];
    if (route.auth) chain.push(auth);
    if (route.request.body) chain.push(requireJson, jsonBody);
    chain.push(async (req, res) => {
      const input = parseRequest(route.request, req);
      const output: unknown = await route.handle({ ...input, owner: (res.locals.owner as string | undefined) ?? null } as Parameters<AnyRoute['handle']>[0]);
      res.status(route.response.status);
      if (output instanceof PreparedJson) res.set('ETag', output.etag).type('application/json').send(output.text);
      else if (route.response.contentType) res.type(route.response.contentType).send(output);
      else res.json(output);
    });
    router[route.method](expressPath(route.path), ...chain);
  }
}
