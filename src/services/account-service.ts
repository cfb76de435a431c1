/**
 * Accounts from GitHub: a login records the user (GitHub id, login, primary verified email) and
 * replaces their organisation memberships with what GitHub lists now; a periodic refresh does
 * the same for every user whose memberships are older than the refresh interval, with the
 * access token kept (sealed) from their last login. So a member removed on GitHub loses access
 * at their next login or at the next refresh, whichever comes first.
 */
import type { GithubIdentity, Membership } from '../store/account-types.ts';
import type { Clock } from '../store/clock.ts';
import type { Store, User } from '../store/types.ts';
import type { CredentialBox } from './credential-box.ts';
import { GithubRefusedError, GithubUnavailableError, type GithubApi } from './github-api.ts';

/** GitHub access, when the server has an OAuth app configured. */
export interface GithubAccess {
  api: GithubApi;
  /** Seals the access tokens kept for refreshes. */
  box: CredentialBox;
}

/** A user with their memberships, as `GET /api/v0/user` shows them. */
export interface Profile {
  user: User;
  memberships: Membership[];
}

/** What one refresh round did. */
export interface RefreshReport {
  refreshed: number;
  /** Users whose token GitHub refused (or that could not be unsealed): memberships removed, token forgotten. */
  revoked: number;
  /** Users GitHub could not be asked about this round (tried again next round). */
  failed: number;
}

/** How many users one refresh round looks at. */
const REFRESH_BATCH = 100;

/** Logins, profiles and membership refreshes. */
export class AccountService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #github: GithubAccess | null;

  /** @param github null when no GitHub OAuth app is configured: nobody can log in, tokens still work. */
  constructor(store: Store, clock: Clock, github: GithubAccess | null) {
    this.#store = store;
    this.#clock = clock;
    this.#github = github;
  }

  /** Whether logging in through GitHub is possible. */
  get loginEnabled(): boolean {
    return this.#github !== null;
  }

  /**
   * Records a login through GitHub: asks GitHub for the memberships first (so a failure records
   * nothing), then stores the user with the sealed access token and the memberships.
   *
   * @example const user = await accounts.signIn(identity, accessToken);
   * @throws GithubUnavailableError or GithubRefusedError from GitHub; ConflictError when the login belongs to another GitHub account.
   */
  async signIn(identity: GithubIdentity, accessToken: string): Promise<User> {
    const github = this.#requireGithub();
    const memberships = await github.api.memberships(accessToken);
    const user = await this.#store.recordGithubLogin(identity, github.box.seal(accessToken));
    await this.#store.replaceMemberships(user.id, memberships, this.#clock());
    return user;
  }

  /** The user of a session, or null when it no longer exists. One store read. */
  async user(userId: string): Promise<User | null> {
    return this.#store.findUserById(userId);
  }

  /** The user with their memberships, or null. Two store reads. */
  async profile(userId: string): Promise<Profile | null> {
    const user = await this.#store.findUserById(userId);
    return user && { user, memberships: await this.#store.listMemberships(userId) };
  }

  /**
   * Refreshes the memberships of up to 100 users last refreshed at least `maxAgeSeconds` ago,
   * one GitHub request (per 100 organisations) each. A refused or unreadable token removes the
   * user's memberships and forgets the token; an unreachable GitHub leaves them for the next round.
   *
   * @example await accounts.refreshMemberships(3600) // { refreshed: 2, revoked: 0, failed: 0 }
   */
  async refreshMemberships(maxAgeSeconds: number): Promise<RefreshReport> {
    const report: RefreshReport = { refreshed: 0, revoked: 0, failed: 0 };
    if (!this.#github) return report;
    const { api, box } = this.#github;
    const now = this.#clock();
    for (const stale of await this.#store.staleMemberships(now - maxAgeSeconds + 1, REFRESH_BATCH)) {
      const accessToken = box.open(stale.credential);
      try {
        if (accessToken === null) throw new GithubRefusedError();
        await this.#store.replaceMemberships(stale.user_id, await api.memberships(accessToken), now);
        report.refreshed += 1;
      } catch (err) {
        if (err instanceof GithubUnavailableError) {
          report.failed += 1;
        } else if (err instanceof GithubRefusedError) {
          await this.#store.replaceMemberships(stale.user_id, [], now);
          await this.#store.forgetGithubCredential(stale.user_id);
          report.revoked += 1;
        } else {
          throw err;
        }
      }
    }
    return report;
  }

  #requireGithub(): GithubAccess {
    if (!this.#github) throw new Error('GitHub login is not configured');
    return this.#github;
  }
}
