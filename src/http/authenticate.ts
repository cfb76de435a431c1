/**
 * Authentication of API requests, one of two ways: `Authorization: Bearer <token>` (an API
 * token, for CI and scripts), else the login session (the `vahti.sid` cookie a GitHub login
 * leaves, for the dashboard). A request with an Authorization header is judged by it alone.
 * Cookie-authenticated writes must also pass the CSRF check.
 */
import type { Request, Response } from 'express';
import type { TokenService } from '../services/index.ts';
import { checkCsrf } from './auth/csrf.ts';
import { httpProblem } from './problems.ts';
import type { Caller } from './route.ts';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * The caller of a request, or an `unauthorized` problem (with a `WWW-Authenticate: Bearer`
 * challenge, RFC 6750), or `csrf_failed` for a cookie-authenticated write without the session's
 * token. One or two store reads for a token; none for a session (passport restored it).
 *
 * @example const { principal } = await authenticate(tokens, req, res); // { kind: 'user', login: 'alice', … }
 */
export async function authenticate(tokens: TokenService, req: Request, res: Response): Promise<Caller> {
  const header = req.get('authorization');
  const secret = header === undefined ? undefined : BEARER.exec(header)?.[1];
  if (header === undefined && req.user) {
    checkCsrf(req, req.session.csrfToken);
    return { principal: req.user, csrfToken: req.session.csrfToken ?? null };
  }
  const principal = secret === undefined ? null : await tokens.authenticate(secret);
  if (principal === null) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="vahti"');
    throw httpProblem('unauthorized', secret === undefined ? 'missing bearer token or login session' : 'unknown, revoked or expired token');
  }
  return { principal, csrfToken: null };
}
