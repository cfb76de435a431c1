/**
 * What a login session carries, for the type checker: the CSRF token and, during a login, where
 * to return afterwards (express-session's `SessionData`); and the user passport restores from
 * the session on each request (`req.user`), which is the caller's principal.
 */
import type {} from 'express-session';
import type {} from 'passport';
import type { UserPrincipal } from '../../services/index.ts';

declare module 'express-session' {
  interface SessionData {
    /** Sent back as X-CSRF-Token by cookie-authenticated writes; set at login. */
    csrfToken: string;
    /** The same-origin path the login callback redirects to. */
    returnTo: string;
  }
}

declare global {
  namespace Express {
    interface User extends UserPrincipal {}
  }
}
