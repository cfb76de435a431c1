/**
 * Everything the GitHub login adds to the app, in one place: the rate limit on `/auth`, and, when
 * an OAuth app is configured, login sessions and passport on `/auth` and on the `/api` requests
 * that carry the session cookie, then the `/auth` routes. Without GitHub settings there are no sessions: API tokens are the only way in, and the
 * login routes answer 404.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { Services } from '../../services/index.ts';
import { authRouter } from './auth-router.ts';
import { githubPassport } from './github-passport.ts';
import { authRateLimit } from './rate-limit.ts';
import { SESSION_COOKIE, sessionCookie, sessionMiddleware } from './sessions.ts';

/** The settings the login is built from (from the process config). */
export type LoginSettings = Pick<Config, 'publicUrl' | 'github' | 'sessionSecret' | 'sessionTtlSeconds' | 'authRateLimit'>;

/** Tokens only: no GitHub app, the default rate limit. */
export const TOKENS_ONLY: LoginSettings = {
  publicUrl: 'http://localhost',
  github: null,
  sessionSecret: null,
  sessionTtlSeconds: 7 * 86_400,
  authRateLimit: 30,
};

/**
 * Mounts the login on `app`; call it before the API routes.
 *
 * @example mountLogin(app, services, config);
 */
export function mountLogin(app: Express, services: Services, settings: LoginSettings): void {
  const { publicUrl, github, sessionSecret } = settings;
  const authenticator = github && sessionSecret ? githubPassport(services.accounts, github, publicUrl) : null;
  app.use('/auth', authRateLimit(settings.authRateLimit));
  if (authenticator && sessionSecret) {
    const session = sessionMiddleware({ sessions: services.sessions, secret: sessionSecret, publicUrl, ttlSeconds: settings.sessionTtlSeconds });
    const withSession = express.Router().use(session, authenticator.initialize(), authenticator.session());
    app.use('/auth', withSession);
    // API calls without the cookie (CI with tokens) skip the session machinery entirely.
    app.use('/api', (req: Request, res: Response, next: NextFunction) => (hasSessionCookie(req) ? withSession(req, res, next) : next()));
  }
  app.use('/auth', authRouter(authenticator, sessionCookie(publicUrl)));
}

/** Whether the request carries a session cookie at all. O(length of the Cookie header). */
function hasSessionCookie(req: Request): boolean {
  return (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}

