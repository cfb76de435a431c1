/**
 * API tokens: created for a user (by `vahti token create` or `POST /api/v0/tokens`) or for an
 * organisation (by one of its admins), presented as `Authorization: Bearer <token>`, and stored
 * only as their SHA-256 hash, so a leaked database does not leak usable tokens. A user's token
 * acts as the user (`u:<login>`, and their organisations by role); an organisation's token acts
 * for `o:<org>` as a member, and only while its creator still belongs to the organisation.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../store/clock.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../store/errors.ts';
import type { ApiToken, OwnerId, Store } from '../store/types.ts';
import { adminOrgs, requireAdmin, roleIn } from './memberships.ts';
import { ownerOfOrg, ownerOfUser, parseOwner, type Principal, type UserPrincipal } from './principal.ts';

/** GitHub's login rule: 1–39 letters, digits and single inner hyphens. */
export const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** How often (seconds) a token's `last_used` is written at most; reads stay read-only between. */
const TOUCH_INTERVAL_SECONDS = 60;

/**
 * SHA-256 of a token secret, hex-encoded: what the store keeps and looks tokens up by. O(length).
 *
 * @example hashToken('vahti_abc').length // 64
 */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new token: the secret (shown once) and its stored record. */
export interface IssuedToken {
  secret: string;
  record: ApiToken;
}

/** What `POST /api/v0/tokens` asks for: a name, an optional expiry (Unix seconds), an optional organisation. */
export interface TokenRequest {
  name: string;
  expires_at?: number;
  org?: string;
}

/** Issues, lists, revokes and checks API tokens. */
export class TokenService {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #lastTouched = new Map<string, number>();

  constructor(store: Store, clock: Clock) {
    this.#store = store;
    this.#clock = clock;
  }

  /**
   * Creates a token for `login` (creating the user on first use), for `vahti token create`. The
   * caller validates the login against {@link LOGIN_PATTERN}. A name Vahti knows as an
   * organisation is refused (`ConflictError`), so no new user shares an organisation's name.
   *
   * @example (await tokens.create('alice', 'ci')).secret // 'vahti_…'
   */
  async create(login: string, name: string): Promise<IssuedToken> {
    if (await this.#store.findOrgByLogin(login)) {
      throw new ConflictError(`"${login}" is a GitHub organisation; its admins make its tokens (POST /api/v0/tokens with "org")`);
    }
    const user = await this.#store.ensureUser(login);
    return this.#mint(ownerOfUser(user.login), user.id, name, null);
  }

  /**
   * Creates a token for the caller, or for an organisation the caller administers.
   *
   * @example (await tokens.issue(caller, { name: 'ci', org: 'acme' })).record.owner // 'o:acme'
   * @throws InvalidInputError for an expiry not in the future; NotFoundError for an organisation the caller is not in; ForbiddenError when not its admin.
   */
  async issue(caller: UserPrincipal, request: TokenRequest): Promise<IssuedToken> {
    const expiresAt = request.expires_at ?? null;
    if (expiresAt !== null && expiresAt <= this.#clock()) throw new InvalidInputError('expires_at must be in the future');
    if (request.org !== undefined) await requireAdmin(this.#store, caller.userId, request.org);
    const owner = request.org === undefined ? ownerOfUser(caller.login) : ownerOfOrg(request.org);
    return this.#mint(owner, caller.userId, request.name, expiresAt);
  }

  /**
   * The caller's tokens and those of the organisations they administer, not revoked, oldest
   * first. One store read per owner.
   */
  async list(caller: UserPrincipal): Promise<ApiToken[]> {
    const owners = await this.#managedOwners(caller);
    const tokens = (await Promise.all(owners.map((owner) => this.#store.listTokens(owner)))).flat();
    return tokens.filter((t) => !t.revoked).sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : 1));
  }

  /**
   * Revokes one of the tokens the caller manages (theirs, or an organisation's they administer).
   *
   * @throws NotFoundError for any other id.
   */
  async revoke(caller: UserPrincipal, id: string): Promise<void> {
    for (const owner of await this.#managedOwners(caller)) {
      if (await this.#store.revokeToken(owner, id)) return;
    }
    throw new NotFoundError(`token "${id}"`);
  }

  /**
   * Who a presented secret acts for, or null when it is unknown, revoked or expired, or is an
   * organisation's token whose creator no longer belongs to the organisation. One store read
   * (two for an organisation's token); `last_used` is written at most once a minute per token.
   */
  async authenticate(secret: string): Promise<Principal | null> {
    const token = await this.#store.findTokenByHash(hashToken(secret));
    const now = this.#clock();
    if (!token || token.revoked || (token.expires_at !== null && token.expires_at <= now)) return null;
    const principal = await this.#principalOf(token);
    if (principal === null) return null;
    const touched = this.#lastTouched.get(token.id);
    if (touched === undefined || now - touched >= TOUCH_INTERVAL_SECONDS) {
      this.#lastTouched.set(token.id, now);
      await this.#store.touchToken(token.id, now);
    }
    return principal;
  }

  async #principalOf(token: ApiToken): Promise<Principal | null> {
    const owner = parseOwner(token.owner);
    if (owner.kind === 'user') return { kind: 'user', userId: token.created_by, login: owner.name };
    const role = await roleIn(this.#store, token.created_by, owner.name);
    return role === null ? null : { kind: 'org-token', org: owner.name, userId: token.created_by };
  }

  async #managedOwners(caller: UserPrincipal): Promise<OwnerId[]> {
    return [ownerOfUser(caller.login), ...(await adminOrgs(this.#store, caller.userId)).map(ownerOfOrg)];
  }

  async #mint(owner: OwnerId, createdBy: string, name: string, expiresAt: number | null): Promise<IssuedToken> {
    const secret = `vahti_${randomBytes(32).toString('base64url')}`;
    const record = await this.#store.createToken({
      id: randomUUID(),
      owner,
      created_by: createdBy,
      name,
      hash: hashToken(secret),
      created_at: this.#clock(),
      expires_at: expiresAt,
    });
    return { secret, record };
  }
}
