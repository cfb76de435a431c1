/**
 * Rate limiting of the login routes (express-rate-limit, fixed one-minute window per client
 * address, in this process's memory): slows down anyone hammering the OAuth flow, and answers
 * with the `too_many_requests` problem and the IETF RateLimit headers. Client addresses follow
 * Express's `trust proxy` setting (TRUST_PROXY) behind a reverse proxy.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { httpProblem } from '../problems.ts';

/**
 * A limiter allowing `perMinute` requests per client address and minute.
 *
 * @example app.use('/auth', authRateLimit(30));
 */
export function authRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(httpProblem('too_many_requests', `at most ${perMinute} login requests a minute from one address`)),
  });
}
