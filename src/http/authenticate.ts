/**
 * Bearer-token authentication: `Authorization: Bearer <token>` resolves to the token's owner,
 * which every later step uses to scope reads and writes.
 */
import type { Request, Response } from 'express';
import type { TokenService } from '../services/index.ts';
import type { OwnerId } from '../store/types.ts';
import { httpProblem } from './problems.ts';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * The owner the request's bearer token acts for, or an `unauthorized` problem (with a
 * `WWW-Authenticate: Bearer` challenge, RFC 6750). One store read.
 *
 * @example const owner = await requestOwner(tokens, req, res); // 'u:alice'
 */
export async function requestOwner(tokens: TokenService, req: Request, res: Response): Promise<OwnerId> {
  const secret = BEARER.exec(req.get('authorization') ?? '')?.[1];
  const owner = secret === undefined ? null : await tokens.authenticate(secret);
  if (owner === null) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="vahti"');
    throw httpProblem('unauthorized', secret === undefined ? 'missing bearer token' : 'unknown, revoked or expired token');
  }
  return owner;
}
