/**
 * Logging in through the stand-in GitHub with the real passport flow, for API tests: an app
 * with GitHub login, the stand-in, and a browser per person.
 */
import { startApiApp, type ApiApp, type ApiAppOptions } from './api-app.ts';
import { Browser, type BrowserResponse } from './browser.ts';
import { githubUser, startStandInGithub, type StandInGithub, type StandInMembership } from './stand-in-github.ts';

/** An app whose GitHub is the stand-in. */
export interface LoginApp {
  app: ApiApp;
  github: StandInGithub;
  close(): Promise<void>;
}

/**
 * Starts a stand-in GitHub and an app logging in through it.
 *
 * @example const { app, github } = await startLoginApp({ rateLimit: 5 });
 */
export async function startLoginApp(options: ApiAppOptions & { rateLimit?: number; sessionTtlSeconds?: number } = {}): Promise<LoginApp> {
  const github = await startStandInGithub();
  const { rateLimit, sessionTtlSeconds, ...appOptions } = options;
  const app = await startApiApp({
    ...appOptions,
    login: {
      githubUrl: github.url,
      clientId: github.clientId,
      clientSecret: github.clientSecret,
      ...(rateLimit === undefined ? {} : { rateLimit }),
      ...(sessionTtlSeconds === undefined ? {} : { sessionTtlSeconds }),
    },
  });
  return {
    app,
    github,
    close: async () => {
      await app.close();
      await github.close();
    },
  };
}

/** A person with a GitHub account on the stand-in and a browser. */
export interface Person {
  login: string;
  browser: Browser;
  /** The session's CSRF token, once logged in. */
  csrf: string;
}

/**
 * Creates `login` on the stand-in (GitHub id `id`) with `memberships`, and logs them in through
 * the real flow; returns their browser with the session and CSRF token.
 *
 * @example const alice = await logIn(env, 11, 'alice', [membership('acme', 500, 'admin')]);
 */
export async function logIn(env: LoginApp, id: number, login: string, memberships: StandInMembership[] = []): Promise<Person> {
  env.github.addUser(githubUser(id, login));
  env.github.setMemberships(login, memberships);
  const browser = new Browser();
  const res = await loginFlow(env, browser, login, '/api/v0/user');
  if (res.status !== 200 || res.body.login !== login) throw new Error(`login of ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { login, browser, csrf: res.body.csrf_token as string };
}

/**
 * Runs the login flow in `browser` as `login` (already on the stand-in), returning to `returnTo`.
 *
 * @example const res = await loginFlow(env, browser, 'alice', '/api/v0/user'); res.body.login // 'alice'
 */
export async function loginFlow(env: LoginApp, browser: Browser, login: string, returnTo: string): Promise<BrowserResponse> {
  env.github.signIn(login);
  return browser.request('GET', `${env.app.url}/auth/github?return_to=${encodeURIComponent(returnTo)}`);
}

/**
 * Runs the login in `browser` as `login` up to GitHub's redirect back, and returns the callback
 * URL it would go to (code and state), without calling it.
 *
 * @example const callback = await callbackUrl(env, browser, 'alice'); await browser.request('GET', callback);
 */
export async function callbackUrl(env: LoginApp, browser: Browser, login: string, returnTo = '/'): Promise<string> {
  env.github.signIn(login);
  const start = await browser.request('GET', `${env.app.url}/auth/github?return_to=${encodeURIComponent(returnTo)}`, { follow: false });
  const atGithub = await browser.request('GET', start.headers.get('location') ?? '', { follow: false });
  return atGithub.headers.get('location') ?? '';
}
