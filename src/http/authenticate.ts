/**
 * Bearer-token authentication: `Authorization: Bearer <token>` resolves to the token's owner,
 * which every later step uses to scope reads and writes.
 */
import type { RequestHandler } from 'express';
import type { TokenService } from '../services/index.ts';
import { httpProblem } from './problems.ts';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * Middleware that sets `res.locals.owner` or fails with `unauthorized` (and a
 * `WWW-Authenticate: Bearer` challenge, RFC 6750).
 *
 * @example router.get('/results', authenticate(tokens), handler)
 */
export function authenticate(tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const secret = BEARER.exec(req.get('authorization') ?? '')?.[1];
    const owner = secret === undefined ? null : await tokens.authenticate(secret);
    if (owner === null) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="vahti"');
      throw httpProblem('unauthorized', secret === undefined ? 'missing bearer token' : 'unknown, revoked or expired token');
    }
    res.locals.owner = owner;
    next();
  };
}
