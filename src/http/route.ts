/**
 * A route is declared once, as data: method, path, auth, one zod schema per request part, the
 * success response and a handler. The same declaration mounts the Express route (validation
 * included) and generates its OpenAPI operation, so the two cannot drift apart.
 */
import type { z } from 'zod';
import type { Access, Principal } from '../services/index.ts';
import type { OwnerId } from '../store/types.ts';
import type { PreparedJson } from './prepared-json.ts';
import type { ProblemCode } from './problems.ts';

/** The request parts a route validates; each absent part is not read. */
export interface RouteRequest {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
}

/** The success response: status, description, body schema, and a content type other than JSON. */
export interface RouteResponse {
  status: number;
  description: string;
  schema?: z.ZodType;
  /** `text/html` etc.; the handler then returns the body as a string. Default: JSON. */
  contentType?: string;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Who sent an authenticated request, and how. */
export interface Caller {
  principal: Principal;
  /** The login session's CSRF token; null when a bearer token authenticated the request. */
  csrfToken: string | null;
}

/**
 * What a handler receives: validated input only, and for an authenticated route the owner it
 * acts for (already checked against its access) and the caller.
 */
export interface RouteInput<Req extends RouteRequest, Auth extends boolean> {
  params: Parsed<Req['params']>;
  query: Parsed<Req['query']>;
  body: Parsed<Req['body']>;
  owner: Auth extends true ? OwnerId : null;
  caller: Auth extends true ? Caller : null;
}

/**
 * What a handler returns: the body, typed by the response schema when there is one (or that
 * body already serialised), else a string in the declared content type.
 */
export type RouteOutput<Res extends RouteResponse> = Res['schema'] extends z.ZodType
  ? z.input<Res['schema']> | PreparedJson<z.input<Res['schema']>>
  : string;

/** A declared route. `path` uses OpenAPI's `{param}` syntax; `{test}` may span `/`. */
export interface RouteSpec<Req extends RouteRequest = RouteRequest, Res extends RouteResponse = RouteResponse, Auth extends boolean = boolean> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** OpenAPI tag: the group the route is listed under on /docs. */
  tag: string;
  summary: string;
  description?: string;
  auth: Auth;
  /**
   * What the route does to the owner's data, checked against the caller's standing (members of
   * an organisation may not `configure`). Default: `read` for GET, `write` otherwise.
   */
  access?: Access;
  /**
   * `org`: the path names an organisation (`{org}`), and the route acts for it when the caller
   * belongs to it. Default: the route acts for the caller's own owner.
   */
  scope?: 'org';
  /**
   * Problems this route can answer with beyond those its declaration implies (401 with auth,
   * the test-name, validation and body problems with the matching request parts, 500).
   */
  problems?: ProblemCode[];
  request: Req;
  response: Res;
  handle(input: RouteInput<Req, Auth>): Promise<RouteOutput<Res>> | RouteOutput<Res>;
}

/** A route whose types have been checked and erased, ready to mount or document. */
export type AnyRoute = RouteSpec<RouteRequest, RouteResponse, boolean>;

/**
 * Declares a route with its handler typed from its schemas.
 *
 * @example defineRoute({ method: 'get', path: '/healthz', tag: 'Service', summary: 'Liveness',
 *   auth: false, request: {}, response: { status: 200, description: 'ok', schema: HealthSchema },
 *   handle: () => ({ status: 'ok' }) })
 */
export function defineRoute<Req extends RouteRequest, Res extends RouteResponse, Auth extends boolean>(
  spec: RouteSpec<Req, Res, Auth>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

/**
 * What a route does to the owner's data: as declared, else `read` for GET and `write` otherwise.
 *
 * @example routeAccess(route) // 'write'
 */
export function routeAccess(route: AnyRoute): Access {
  return route.access ?? (route.method === 'get' ? 'read' : 'write');
}
