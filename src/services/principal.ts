/**
 * Who is calling, and what each kind of caller may do where. A caller is a user (logged in
 * through GitHub, or presenting one of their API tokens) or an organisation's API token; the
 * owner a request acts for, and what it may do there, follow from that and from the user's
 * GitHub memberships.
 */
import type { OrgRole } from '../store/account-types.ts';
import type { OwnerId } from '../store/types.ts';

/** A user, by session or by one of their tokens: acts for `u:<login>`, and in their organisations by role. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  login: string;
}

/** An organisation's API token: acts for `o:<org>` as a member, while its creator still belongs to the organisation. */
export interface OrgTokenPrincipal {
  kind: 'org-token';
  org: string;
  /** The user who created the token. */
  userId: string;
}

/** Whoever a request is authenticated as. */
export type Principal = UserPrincipal | OrgTokenPrincipal;

/**
 * What a route does to an owner's data: `read` it, `write` results (upload, replace, delete,
 * retry notifications), or `configure` (owner config, test settings, disabled metrics).
 */
export type Access = 'read' | 'write' | 'configure';

/** A caller's standing towards an owner: the owner itself, or a member of the organisation by role. */
export type Standing = 'self' | OrgRole;

/**
 * Whether a standing allows an access: members read and write results; admins and owners
 * also configure. O(1).
 *
 * @example allows('member', 'configure') // false
 */
export function allows(standing: Standing, access: Access): boolean {
  return access !== 'configure' || standing !== 'member';
}

/**
 * The owner id of a user.
 *
 * @example ownerOfUser('alice') // 'u:alice'
 */
export function ownerOfUser(login: string): OwnerId {
  return `u:${login}`;
}

/**
 * The owner id of an organisation.
 *
 * @example ownerOfOrg('acme') // 'o:acme'
 */
export function ownerOfOrg(org: string): OwnerId {
  return `o:${org}`;
}

/**
 * The kind and name in an owner id.
 *
 * @example parseOwner('o:acme') // { kind: 'org', name: 'acme' }
 */
export function parseOwner(owner: OwnerId): { kind: 'user' | 'org'; name: string } {
  return { kind: owner.startsWith('o:') ? 'org' : 'user', name: owner.slice(2) };
}
