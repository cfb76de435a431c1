/**
 * A local HTTP server standing in for GitHub in the OAuth web flow, speaking the endpoints Vahti
 * (through passport-github2) uses, with GitHub's shapes:
 *
 * - `GET /login/oauth/authorize`: approves at once for the user "signed in" at the stand-in
 *   (`signIn`), redirecting to `redirect_uri` with a one-time `code` and the `state`; or with
 *   `error=access_denied` after `denyNext()`;
 * - `POST /login/oauth/access_token`: trades a code (once, with the right client secret and
 *   redirect URI) for an access token; a bad code gets GitHub's 200 with `error`;
 * - `GET /user`, `GET /user/emails`, `GET /user/memberships/orgs` (paginated with `Link`,
 *   `per_page` capped at `pageSize`), each needing `Authorization: Bearer|token <access token>`
 *   (401 otherwise, or once the token is revoked).
 *
 * One server serves both the web and the API base URL (`GITHUB_URL` = `GITHUB_API_URL` = `url`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GitHub user of the stand-in. */
export interface StandInUser {
  id: number;
  login: string;
  name: string | null;
  avatar_url: string;
  emails: { email: string; primary: boolean; verified: boolean; visibility: 'public' | 'private' | null }[];
}

/** One organisation membership as `GET /user/memberships/orgs` lists it. */
export interface StandInMembership {
  org: { login: string; id: number };
  role: 'admin' | 'member' | 'billing_manager';
  state: 'active' | 'pending';
}

/** A request the stand-in received (for assertions on what Vahti asked). */
export interface StandInRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export interface StandInGithub {
  /** Base URL, e.g. http://127.0.0.1:PORT (both the web and the API base). */
  url: string;
  clientId: string;
  clientSecret: string;
  requests: StandInRequest[];
  /** Adds or replaces a user. */
  addUser(user: StandInUser): void;
  /** Replaces a user's organisation memberships. */
  setMemberships(login: string, memberships: StandInMembership[]): void;
  /** The user the authorize page acts for (the browser's GitHub session); null: nobody. */
  signIn(login: string | null): void;
  /** The next authorization is denied by the user. */
  denyNext(): void;
  /** Revokes every access token issued to the user (the OAuth grant removed on GitHub). */
  revokeTokensOf(login: string): void;
  /** Access tokens issued so far, by user. */
  tokensOf(login: string): string[];
  /** Memberships per page (default 2, so a user in three organisations takes two pages). */
  pageSize: number;
  /** Stops the server (GitHub unreachable from now on); idempotent. */
  close(): Promise<void>;
}

/** A stand-in user with one primary verified address and a secondary unverified one. */
export function githubUser(id: number, login: string, name: string | null = `${login} (stand-in)`): StandInUser {
  return {
    id,
    login,
    name,
    avatar_url: `https://avatars.example/u/${id}`,
    emails: [
      { email: `${login}@old.example`, primary: false, verified: false, visibility: null },
      { email: `${login}@example.com`, primary: true, verified: true, visibility: 'private' },
    ],
  };
}

/** A membership of `org` (GitHub id `id`) with `role`, active. */
export function membership(login: string, id: number, role: StandInMembership['role'] = 'member', state: StandInMembership['state'] = 'active'): StandInMembership {
  return { org: { login, id }, role, state };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/**
 * Starts the stand-in on a free loopback port.
 *
 * @example const github = await startStandInGithub(); github.addUser(githubUser(1, 'alice')); github.signIn('alice');
 */
export async function startStandInGithub(): Promise<StandInGithub> {
  const clientId = 'stand-in-client';
  const clientSecret = randomBytes(16).toString('hex');
  const users = new Map<string, StandInUser>();
  const memberships = new Map<string, StandInMembership[]>();
  const codes = new Map<string, { login: string; redirectUri: string }>();
  const tokens = new Map<string, string>();
  const requests: StandInRequest[] = [];
  let signedIn: string | null = null;
  let deny = false;
  let url = '';

  const userOf = (req: IncomingMessage): StandInUser | null => {
    const match = /^(?:Bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const login = match?.[1] ? tokens.get(match[1]) : undefined;
    return login === undefined ? null : (users.get(login) ?? null);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, stub: StandInGithub): Promise<void> => {
    const target = new URL(req.url ?? '/', url);
    requests.push({ method: req.method ?? '', path: target.pathname, query: target.searchParams, authorization: req.headers.authorization });
    if (req.method === 'GET' && target.pathname === '/login/oauth/authorize') {
      const q = target.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== clientId || !redirectUri) return json(res, 404, { message: 'unknown OAuth app' });
      const back = new URL(redirectUri);
      if (q.has('state')) back.searchParams.set('state', q.get('state') ?? '');
      if (deny) {
        deny = false;
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('error_description', 'The user has denied your application access.');
      } else {
        if (signedIn === null) return json(res, 403, { message: 'nobody is signed in at the stand-in' });
        const code = randomBytes(10).toString('hex');
        codes.set(code, { login: signedIn, redirectUri });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { Location: back.toString() }).end();
      return;
    }
    if (req.method === 'POST' && target.pathname === '/login/oauth/access_token') {
      const form = new URLSearchParams(await readBody(req));
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return json(res, 200, { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' });
      }
      if (!grant || grant.redirectUri !== form.get('redirect_uri')) {
        return json(res, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
      }
      const accessToken = `gho_${randomBytes(18).toString('hex')}`;
      tokens.set(accessToken, grant.login);
      return json(res, 200, { access_token: accessToken, token_type: 'bearer', scope: 'read:org,user:email' });
    }
    const user = userOf(req);
    if (['/user', '/user/emails', '/user/memberships/orgs'].includes(target.pathname) && !user) {
      return json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    if (!user) return json(res, 404, { message: 'Not Found' });
    if (target.pathname === '/user') {
      const { id, login, name, avatar_url } = user;
      return json(res, 200, { id, login, name, avatar_url, email: null, type: 'User', html_url: `${url}/${login}` });
    }
    if (target.pathname === '/user/emails') return json(res, 200, user.emails);
    if (target.pathname === '/user/memberships/orgs') {
      const all = (memberships.get(user.login) ?? []).filter((m) => target.searchParams.get('state') !== 'active' || m.state === 'active');
      const perPage = Math.min(Number(target.searchParams.get('per_page') ?? 30), stub.pageSize);
      const page = Number(target.searchParams.get('page') ?? 1);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(target);
        next.searchParams.set('page', String(page + 1));
        headers.Link = `<${next.toString()}>; rel="next", <${url}/user/memberships/orgs?page=1>; rel="first"`;
      }
      return json(
        res,
        200,
        slice.map((m) => ({ url: `${url}/orgs/${m.org.login}/memberships/${user.login}`, state: m.state, role: m.role, organization: { ...m.org, url: `${url}/orgs/${m.org.login}` } })),
        headers,
      );
    }
    json(res, 404, { message: 'Not Found' });
  };

  const stub: StandInGithub = {
    url: '',
    clientId,
    clientSecret,
    requests,
    pageSize: 2,
    addUser: (user) => void users.set(user.login, user),
    setMemberships: (login, list) => void memberships.set(login, list),
    signIn: (login) => {
      signedIn = login;
    },
    denyNext: () => {
      deny = true;
    },
    revokeTokensOf: (login) => {
      for (const [token, owner] of tokens) if (owner === login) tokens.delete(token);
    },
    tokensOf: (login) => [...tokens].filter(([, owner]) => owner === login).map(([token]) => token),
    close: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    handle(req, res, stub).catch((err: unknown) => json(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.url = url;
  return stub;
}
