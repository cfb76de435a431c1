/**
 * The one way services learn a user's role in an organisation: from the memberships stored at
 * their last login or refresh. A non-member and an unknown organisation are the same
 * `NotFoundError`, so nothing tells an outsider which organisations exist.
 */
import type { OrgRole } from '../store/account-types.ts';
import { ForbiddenError, NotFoundError } from '../store/errors.ts';
import type { Store } from '../store/types.ts';

/**
 * The user's role in `org`, or null when they are not a member. One store read.
 *
 * @example await roleIn(store, user.id, 'acme') // 'admin'
 */
export async function roleIn(store: Store, userId: string, org: string): Promise<OrgRole | null> {
  return (await store.listMemberships(userId)).find((m) => m.org === org)?.role ?? null;
}

/**
 * The user's role in `org`, or `NotFoundError` when they are not a member.
 *
 * @example await requireMember(store, user.id, 'acme') // 'member'
 */
export async function requireMember(store: Store, userId: string, org: string): Promise<OrgRole> {
  const role = await roleIn(store, userId, org);
  if (role === null) throw new NotFoundError(`organisation "${org}"`);
  return role;
}

/**
 * Passes when the user administers `org`: `NotFoundError` for a non-member, `ForbiddenError` for
 * a member who is not an admin.
 *
 * @example await requireAdmin(store, user.id, 'acme')
 */
export async function requireAdmin(store: Store, userId: string, org: string): Promise<void> {
  if ((await requireMember(store, userId, org)) !== 'admin') throw new ForbiddenError(`only admins of "${org}" may do this`);
}

/**
 * The organisations the user administers, by name. One store read.
 *
 * @example await adminOrgs(store, user.id) // ['acme']
 */
export async function adminOrgs(store: Store, userId: string): Promise<string[]> {
  return (await store.listMemberships(userId)).filter((m) => m.role === 'admin').map((m) => m.org);
}
