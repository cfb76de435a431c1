/**
 * Who is signed in. A GitHub sign-in leaves the `vahti.sid` cookie and `GET /api/v0/user`
 * answers the user with a CSRF token for writes. Where GitHub sign-in is not set up, an API
 * token pasted on the sign-in page works instead; it is kept in this tab's sessionStorage only.
 */
import { Api, ApiError } from './api.ts';
import type { User } from './types.ts';

const TOKEN_KEY = 'vahti.token';

/** The signed-in state: the user (null when signed out) and how they signed in. */
export interface Session {
  user: User | null;
  via: 'github' | 'token' | null;
}

async function userOrNull(api: Api): Promise<User | null> {
  try {
    return await api.get<User>('/user');
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 404)) return null;
    throw err;
  }
}

/**
 * Finds out who is signed in and sets `api`'s credentials to match.
 *
 * @example const session = await loadSession(api); session.user?.login // 'alice'
 */
export async function loadSession(api: Api): Promise<Session> {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (stored) {
    const session = await tokenSession(api, stored);
    if (session.user) return session;
    sessionStorage.removeItem(TOKEN_KEY);
  }
  api.credentials = {};
  const user = await userOrNull(api);
  if (user) api.credentials = { csrf: user.csrf_token };
  return { user, via: user ? 'github' : null };
}

/**
 * Signs in with an API token: checks it against the API and keeps it for this tab.
 * A token the API refuses gives a signed-out session.
 */
export async function tokenSession(api: Api, token: string): Promise<Session> {
  api.credentials = { bearer: token };
  let user = await userOrNull(api);
  if (!user) {
    try {
      await api.get('/results');
      user = { login: 'API token', orgs: [], csrf_token: '' };
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        api.credentials = {};
        return { user: null, via: null };
      }
      throw err;
    }
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  return { user, via: 'token' };
}

/** Signs out: forgets a token sign-in, ends a GitHub session (`POST /auth/logout`). */
export async function signOut(api: Api, session: Session): Promise<void> {
  sessionStorage.removeItem(TOKEN_KEY);
  if (session.via === 'github') await api.post('/auth/logout');
  api.credentials = {};
}
