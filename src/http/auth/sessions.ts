/**
 * Login sessions (express-session): the `vahti.sid` cookie, httpOnly and SameSite=Lax, Secure
 * when PUBLIC_URL is https (then the X-Forwarded-Proto of a TLS-terminating proxy is trusted for
 * it); signed with SESSION_SECRET; kept in the database through `DatabaseSessionStore`. A session
 * lasts SESSION_TTL_SECONDS from the login (not extended by use) and is only saved once something
 * is put in it (a login starting), so API calls without a cookie never create one.
 */
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { SessionService } from '../../services/index.ts';
import { DatabaseSessionStore } from './session-store.ts';

/** The session cookie's name (the dashboard relies on it). */
export const SESSION_COOKIE = 'vahti.sid';

/** The session cookie's attributes, as set and as cleared on logout. */
export interface SessionCookie {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
}

/**
 * The cookie attributes for a server reached at `publicUrl`: Secure exactly when it is https
 * (browsers do not send a Secure cookie over plain http, e.g. to 127.0.0.1 in tests). O(1).
 *
 * @example sessionCookie('https://vahti.example.com').secure // true
 */
export function sessionCookie(publicUrl: string): SessionCookie {
  return { httpOnly: true, sameSite: 'lax', secure: new URL(publicUrl).protocol === 'https:', path: '/' };
}

/** What the session middleware is built from. */
export interface SessionSettings {
  sessions: SessionService;
  secret: string;
  publicUrl: string;
  ttlSeconds: number;
}

/**
 * The session middleware.
 *
 * @example app.use(['/api', '/auth'], sessionMiddleware({ sessions, secret, publicUrl, ttlSeconds: 604800 }));
 */
export function sessionMiddleware({ sessions, secret, publicUrl, ttlSeconds }: SessionSettings): RequestHandler {
  const cookie = sessionCookie(publicUrl);
  return session({
    name: SESSION_COOKIE,
    secret,
    store: new DatabaseSessionStore(sessions, ttlSeconds * 1000),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    ...(cookie.secure ? { proxy: true } : {}),
    cookie: { ...cookie, maxAge: ttlSeconds * 1000 },
  });
}
