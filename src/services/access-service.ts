/**
 * Decides which owner a request acts for and whether it may do what it asks there. Routes
 * without an organisation act for the caller's own owner (a user's `u:<login>`, an
 * organisation token's `o:<org>`); routes under `/orgs/{org}` act for `o:<org>` when the caller
 * belongs to it. Outsiders get `NotFoundError` (the organisation might as well not exist);
 * members asking to configure get `ForbiddenError`.
 */
import { ForbiddenError, NotFoundError } from '../store/errors.ts';
import type { OwnerId, Store } from '../store/types.ts';
import { requireMember } from './memberships.ts';
import { allows, ownerOfOrg, ownerOfUser, type Access, type Principal, type Standing } from './principal.ts';

/** Resolves owners and checks access. */
export class AccessService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * The owner a request of `principal` acts for, `org` being the organisation named in its path
   * (null for the caller's own data), when `access` is allowed there. No store read for a
   * caller's own data; one (the user's memberships) in an organisation.
   *
   * @example await access.ownerFor({ kind: 'user', userId, login: 'alice' }, 'acme', 'write') // 'o:acme'
   * @throws NotFoundError for an organisation the caller does not belong to; ForbiddenError when its role does not allow `access`.
   */
  async ownerFor(principal: Principal, org: string | null, access: Access): Promise<OwnerId> {
    const { owner, standing } = await this.#standing(principal, org);
    if (!allows(standing, access)) throw new ForbiddenError(`${standing === 'member' ? 'members' : 'this caller'} may not ${access} here; ask an admin`);
    return owner;
  }

  async #standing(principal: Principal, org: string | null): Promise<{ owner: OwnerId; standing: Standing }> {
    if (principal.kind === 'org-token') {
      if (org !== null && org !== principal.org) throw new NotFoundError(`organisation "${org}"`);
      return { owner: ownerOfOrg(principal.org), standing: 'member' };
    }
    if (org === null) return { owner: ownerOfUser(principal.login), standing: 'self' };
    return { owner: ownerOfOrg(org), standing: await requireMember(this.#store, principal.userId, org) };
  }
}
