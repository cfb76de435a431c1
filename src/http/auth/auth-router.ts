/**
 * The browser's login routes under `/auth`: start a GitHub login, take GitHub's callback, log
 * out. They are plain Express handlers rather than declared API routes because they answer with
 * redirects driven by passport, not JSON; their failures are still problem documents.
 *
 * - `GET /auth/github?return_to=/path` keeps the (same-origin) return path in the session and
 *   redirects to GitHub's authorize page.
 * - `GET /auth/github/callback` checks the state, trades the code for a token, records the user
 *   and their memberships, starts a new session (a new id: no session fixation) with a fresh
 *   CSRF token, and redirects to the return path or `/`.
 * - `POST /auth/logout` (CSRF-protected) deletes the session and its cookie; 204.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { GithubRefusedError, type UserPrincipal } from '../../services/index.ts';
import { DomainError } from '../../store/errors.ts';
import { httpProblem } from '../problems.ts';
import { checkCsrf, newCsrfToken } from './csrf.ts';
import type { Authenticator } from './github-passport.ts';
import { safeReturnPath } from './return-path.ts';
import { SESSION_COOKIE, type SessionCookie } from './sessions.ts';

/**
 * What a failed GitHub login passes on to the problem middleware: a refused code or token, a bad
 * callback or access denied is `login_failed`; GitHub unreachable is `github_unavailable`; a
 * domain error (e.g. the login belongs to another GitHub account) keeps its code; anything else
 * is passed as it is (an internal error).
 *
 * @example loginError(Object.assign(new Error('bad code'), { name: 'TokenError' })).code // 'login_failed'
 */
export function loginError(err: unknown): unknown {
  if (err instanceof GithubRefusedError) return httpProblem('login_failed', err.message);
  if (err instanceof DomainError || !(err instanceof Error)) return err;
  if (err.name === 'InternalOAuthError') return httpProblem('github_unavailable', `GitHub could not complete the login: ${err.message}`);
  // passport-oauth2's names for GitHub's refusals; "Failed to obtain access token" is how it reports GitHub answering a code with an error.
  if (err.name === 'TokenError' || err.name === 'AuthorizationError' || err.message === 'Failed to obtain access token') {
    return httpProblem('login_failed', `GitHub refused the login: ${err.message}`);
  }
  return err;
}

/** Passes the request on to passport, or answers 404 where GitHub login is not configured. */
function requirePassport(passport: Authenticator | null): Authenticator {
  if (!passport) throw httpProblem('not_found', 'GitHub login is not configured on this server');
  return passport;
}

/**
 * The `/auth` router.
 *
 * @param passport the GitHub passport, or null where GitHub login is not configured (the login routes answer 404).
 * @param cookie the session cookie's options, to clear it on logout.
 * @example app.use('/auth', authRouter(passport, cookie));
 */
export function authRouter(passport: Authenticator | null, cookie: SessionCookie): Router {
  const router = express.Router();

  router.get('/github', (req: Request, res: Response, next: NextFunction) => {
    const github = requirePassport(passport);
    req.session.returnTo = safeReturnPath(req.query.return_to);
    github.authenticate('github')(req, res, next);
  });

  router.get('/github/callback', (req: Request, res: Response, next: NextFunction) => {
    const github = requirePassport(passport);
    const finish = (err: unknown, user: UserPrincipal | false, info?: { message?: string }) => {
      if (err) return next(loginError(err));
      if (!user) return next(httpProblem('login_failed', info?.message ?? 'the login was not completed'));
      const returnTo = safeReturnPath(req.session.returnTo);
      req.logIn(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        req.session.csrfToken = newCsrfToken();
        req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect(302, returnTo)));
      });
    };
    github.authenticate('github', finish)(req, res, next);
  });

  router.post('/logout', (req: Request, res: Response, next: NextFunction) => {
    if (req.user) checkCsrf(req, req.session.csrfToken);
    if (!req.session) {
      res.status(204).end();
      return;
    }
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie(SESSION_COOKIE, cookie);
      res.status(204).end();
    });
  });

  return router;
}
