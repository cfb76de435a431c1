/**
 * The binding rules of `AccountStore`, as pure functions both backends apply inside their write:
 * which user a GitHub login lands on, and what becomes of each membership GitHub lists.
 */
import type { GithubMembership, Membership, Org } from './account-types.ts';
import { ConflictError } from './errors.ts';

/** What a GitHub login does to the users: update the bound one, claim an unbound one, or create one. */
export type LoginBinding = { kind: 'update'; id: string } | { kind: 'claim'; id: string } | { kind: 'create' };

/**
 * Decides where the login of GitHub account `githubId` lands, given the user bound to that id
 * and the user holding its login (either may be null; they are looked up one after the other,
 * so a racing writer may have bound the login in between: that counts as bound). O(1).
 *
 * @example bindGithubLogin(11, null, { id: 'u1', github_id: null }) // { kind: 'claim', id: 'u1' }
 * @throws ConflictError when the login belongs to another GitHub account.
 */
export function bindGithubLogin(
  githubId: number,
  byGithubId: { id: string } | null,
  byLogin: { id: string; github_id: number | null } | null,
): LoginBinding {
  if (byGithubId) return { kind: 'update', id: byGithubId.id };
  if (!byLogin) return { kind: 'create' };
  if (byLogin.github_id === githubId) return { kind: 'update', id: byLogin.id };
  if (byLogin.github_id === null) return { kind: 'claim', id: byLogin.id };
  throw new ConflictError('this login belongs to another GitHub account');
}

/** What becomes of one listed membership: it names a known organisation, a new one, or a name taken by another. */
export type MembershipBinding = { kind: 'known'; org: Org } | { kind: 'create' } | { kind: 'skip' };

/**
 * Decides what a membership of GitHub organisation `githubId` binds to, given the organisation
 * known by that id and the one holding its name (either may be null; as above, one found by
 * name with the same id is known). O(1).
 *
 * @example bindMembership(500, null, null) // { kind: 'create' }
 */
export function bindMembership(githubId: number, byGithubId: Org | null, byLogin: Org | null): MembershipBinding {
  const known = byGithubId ?? (byLogin?.github_id === githubId ? byLogin : null);
  if (known) return { kind: 'known', org: known };
  return byLogin ? { kind: 'skip' } : { kind: 'create' };
}

/**
 * The memberships GitHub listed, each organisation once (the last listing wins). O(n).
 *
 * @example uniqueMemberships([{ github_id: 1, login: 'a', role: 'member' }, { github_id: 1, login: 'a', role: 'admin' }]).length // 1
 */
export function uniqueMemberships(memberships: readonly GithubMembership[]): GithubMembership[] {
  return [...new Map(memberships.map((m) => [m.github_id, m])).values()];
}

/**
 * Memberships in the order the store returns them: by organisation name. O(n log n).
 *
 * @example byOrg([{ org: 'b', role: 'admin' }, { org: 'a', role: 'member' }])[0].org // 'a'
 */
export function byOrg<T extends Membership>(memberships: T[]): T[] {
  return memberships.sort((a, b) => (a.org < b.org ? -1 : a.org > b.org ? 1 : 0));
}
