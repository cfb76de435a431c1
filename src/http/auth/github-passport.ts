/**
 * The GitHub login through passport-github2: the OAuth web flow against the configured GitHub
 * (github.com or an Enterprise server), scopes `read:org` (memberships) and `user:email` (the
 * primary verified email), a nonce in the session as OAuth `state`. One passport instance per
 * app (no global), which restores `req.user` (the caller's principal) from the session.
 */
import passport from 'passport';
import { Strategy as GitHubStrategy, type StrategyOptions } from 'passport-github2';
import { z } from 'zod';
import type { GithubConfig } from '../../config.ts';
import { GithubUnavailableError, type AccountService, type UserPrincipal } from '../../services/index.ts';
import type { GithubIdentity } from '../../store/account-types.ts';
import type { User } from '../../store/types.ts';

/** A passport instance (its own strategies and session handling; not the module's global one). */
export type Authenticator = InstanceType<(typeof passport)['Passport']>;

/** The scopes Vahti asks for: organisation memberships and email addresses, read only. */
export const GITHUB_SCOPES = ['read:org', 'user:email'];

/** The path GitHub redirects back to, under PUBLIC_URL. */
export const CALLBACK_PATH = '/auth/github/callback';

const GithubUserJson = z.object({
  id: z.number().int(),
  login: z.string().min(1),
  name: z.string().nullish(),
  avatar_url: z.string().nullish(),
});

const GithubEmails = z.array(z.object({ value: z.string(), primary: z.boolean().optional(), verified: z.boolean().optional() })).optional();

/**
 * The identity in passport-github2's profile: GitHub's user JSON (`GET /user`) and, with
 * `allRawEmails`, every address of `GET /user/emails`, of which the primary verified one is
 * kept. O(number of addresses).
 *
 * @example identityOf(profile) // { github_id: 1, login: 'alice', email: 'alice@example.com', … }
 * @throws GithubUnavailableError when GitHub's answer lacks the id or login.
 */
export function identityOf(profile: { _json?: unknown; emails?: unknown }): GithubIdentity {
  const user = GithubUserJson.safeParse(profile._json);
  const emails = GithubEmails.safeParse(profile.emails);
  if (!user.success || !emails.success) throw new GithubUnavailableError('GitHub answered the profile without a numeric id and a login');
  const primary = (emails.data ?? []).find((e) => e.primary === true && e.verified === true);
  const { id, login, name, avatar_url } = user.data;
  return { github_id: id, login, name: name ?? null, email: primary?.value ?? null, avatar_url: avatar_url ?? null };
}

/** The principal a logged-in user acts as. */
function principalOf(user: User): UserPrincipal {
  return { kind: 'user', userId: user.id, login: user.login };
}

/**
 * A passport instance with the GitHub strategy: a completed login records the user and their
 * memberships (`AccountService.signIn`); the session keeps the user id.
 *
 * @example const authenticator = githubPassport(services.accounts, config.github, config.publicUrl);
 */
export function githubPassport(accounts: AccountService, github: GithubConfig, publicUrl: string): Authenticator {
  const authenticator = new passport.Passport();
  const options: StrategyOptions = {
    clientID: github.clientId,
    clientSecret: github.clientSecret,
    callbackURL: `${publicUrl}${CALLBACK_PATH}`,
    authorizationURL: `${github.url}/login/oauth/authorize`,
    tokenURL: `${github.url}/login/oauth/access_token`,
    userProfileURL: `${github.apiUrl}/user`,
    userEmailURL: `${github.apiUrl}/user/emails`,
    scope: GITHUB_SCOPES,
    allRawEmails: true,
    userAgent: 'vahti',
    // Any truthy value makes passport-oauth2 keep a nonce in the session and check it on the callback.
    state: 'session',
  };
  authenticator.use(
    new GitHubStrategy(options, (accessToken: string, _refreshToken: string, profile: { _json?: unknown; emails?: unknown }, done: (err: unknown, user?: UserPrincipal) => void) => {
      Promise.resolve()
        .then(() => accounts.signIn(identityOf(profile), accessToken))
        .then((user) => done(null, principalOf(user)), done);
    }),
  );
  authenticator.serializeUser((user, done) => done(null, user.userId));
  authenticator.deserializeUser((id: string, done) => {
    accounts.user(id).then((user) => done(null, user ? principalOf(user) : false), done);
  });
  return authenticator;
}
