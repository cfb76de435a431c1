/**
 * The one GitHub REST call Vahti makes itself (passport-github2 fetches the profile and emails
 * at login): the user's organisation memberships, `GET /user/memberships/orgs`
 * (https://docs.github.com/en/rest/orgs/members#list-organization-memberships-for-the-authenticated-user),
 * followed across pages through the `Link` header. The base URL is configurable, so GitHub
 * Enterprise Server (`https://HOST/api/v3`) and the tests' stand-in work the same way.
 */
import type { GithubMembership } from '../store/account-types.ts';
import { DomainError } from '../store/errors.ts';

/** GitHub could not be asked (network, timeout, 5xx, an unexpected answer): try again later. */
export class GithubUnavailableError extends DomainError {
  constructor(message: string) {
    super('github_unavailable', message);
  }
}

/** GitHub refused the access token (401): it was revoked, or the OAuth app's grant was removed. */
export class GithubRefusedError extends DomainError {
  constructor() {
    super('github_refused', 'GitHub refused the access token');
  }
}

/** How to reach GitHub's API. */
export interface GithubApiOptions {
  /** `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  apiUrl: string;
  /** Timeout of one request (ms). Default 10,000. */
  timeoutMs?: number;
}

/** At most this many pages (of 100) are read: 10,000 organisations. */
const MAX_PAGES = 100;

interface MembershipJson {
  state?: unknown;
  role?: unknown;
  organization?: { login?: unknown; id?: unknown };
}

/**
 * The memberships of a page that count: active (not pending invitations), with the role
 * `admin` or `member` (a billing manager is not a member). O(n).
 *
 * @example parseMemberships([{ state: 'active', role: 'admin', organization: { login: 'acme', id: 5 } }]) // [{ github_id: 5, login: 'acme', role: 'admin' }]
 */
export function parseMemberships(page: unknown): GithubMembership[] {
  if (!Array.isArray(page)) throw new GithubUnavailableError('GitHub answered the memberships with something other than a list');
  return (page as MembershipJson[]).flatMap((m) => {
    const { login, id } = m.organization ?? {};
    const role = m.role;
    if (m.state !== 'active' || (role !== 'admin' && role !== 'member')) return [];
    if (typeof login !== 'string' || typeof id !== 'number') return [];
    return [{ github_id: id, login, role }];
  });
}

/**
 * The URL of the `rel="next"` page in a `Link` header (RFC 8288), or null. O(length).
 *
 * @example nextPage('<https://api.github.com/user/memberships/orgs?page=2>; rel="next"') // 'https://api.github.com/user/memberships/orgs?page=2'
 */
export function nextPage(link: string | null): string | null {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** Reads memberships from GitHub's REST API. */
export class GithubApi {
  readonly #apiUrl: string;
  readonly #timeoutMs: number;

  constructor(options: GithubApiOptions) {
    this.#apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /**
   * Every active membership of the user the access token belongs to. One request per 100
   * organisations.
   *
   * @example await github.memberships('gho_…') // [{ github_id: 5, login: 'acme', role: 'admin' }]
   * @throws GithubRefusedError when GitHub refuses the token; GithubUnavailableError otherwise.
   */
  async memberships(accessToken: string): Promise<GithubMembership[]> {
    const found: GithubMembership[] = [];
    let url: string | null = `${this.#apiUrl}/user/memberships/orgs?state=active&per_page=100`;
    for (let page = 0; url !== null && page < MAX_PAGES; page += 1) {
      const res = await this.#get(url, accessToken);
      found.push(...parseMemberships(await res.json().catch(() => null)));
      url = nextPage(res.headers.get('link'));
      // The token goes only to the configured API, whatever a Link header says.
      if (url !== null && new URL(url).origin !== new URL(this.#apiUrl).origin) throw new GithubUnavailableError('GitHub linked the next page to another host');
    }
    return found;
  }

  async #get(url: string, accessToken: string): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: {
          Accept: 'application/vnd.github+json',
          Authorization: `Bearer ${accessToken}`,
          'User-Agent': 'vahti',
          'X-GitHub-Api-Version': '2022-11-28',
        },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      throw new GithubUnavailableError(`GitHub could not be reached: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (res.status === 401) throw new GithubRefusedError();
    if (!res.ok) throw new GithubUnavailableError(`GitHub answered ${res.status} to ${new URL(url).pathname}`);
    return res;
  }
}
