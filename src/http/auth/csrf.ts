/**
 * CSRF protection of cookie-authenticated writes (the synchronizer token pattern, OWASP CSRF
 * Prevention Cheat Sheet): each login session holds a random token, `GET /api/v0/user` hands it
 * to the dashboard, and every request that changes something and is authenticated by the
 * session cookie must send it back as `X-CSRF-Token`. A cross-site page can make the browser
 * send the cookie but cannot read the token. Bearer-token requests carry no ambient credential
 * and are exempt. The SameSite=Lax cookie is a second, independent defence.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { httpProblem } from '../problems.ts';

/** The header a cookie-authenticated write carries the token in. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A new random token for a session (256 bits, base64url). O(1).
 *
 * @example req.session.csrfToken = newCsrfToken();
 */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Passes a safe request (GET, HEAD, OPTIONS), or one whose `X-CSRF-Token` equals the session's
 * token (compared in constant time); throws `csrf_failed` otherwise. O(token length).
 *
 * @example checkCsrf(req, req.session.csrfToken)
 */
export function checkCsrf(req: Request, sessionToken: string | undefined): void {
  if (SAFE_METHODS.has(req.method)) return;
  const sent = req.get(CSRF_HEADER);
  if (sent === undefined || sessionToken === undefined) throw httpProblem('csrf_failed', `send the session's CSRF token as ${CSRF_HEADER}`);
  const a = Buffer.from(sent);
  const b = Buffer.from(sessionToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw httpProblem('csrf_failed', `the ${CSRF_HEADER} header does not match the session`);
}
