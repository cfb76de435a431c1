/**
 * Organisation routes: every route of an owner's data again under `/orgs/{org}`, acting for
 * `o:<org>` when the caller belongs to the organisation (members read and write results; admins
 * also configure). Declared once, as the owner routes they mirror.
 */
import type { AnyRoute } from '../route.ts';
import { OrgParamsSchema } from '../schemas/account-schemas.ts';

const TAG = 'Organisations';

/**
 * The routes again, each under `/orgs/{org}` (the organisation first among its path parameters),
 * scoped to the organisation, in the same order. O(routes).
 *
 * @example orgScoped(resultsRoutes(services))[0].path // '/orgs/{org}/result/{test}'
 */
export function orgScoped(routes: readonly AnyRoute[]): AnyRoute[] {
  return routes.map((route) => ({
    ...route,
    path: `/orgs/{org}${route.path}`,
    tag: TAG,
    summary: `${route.summary} (organisation)`,
    scope: 'org',
    request: { ...route.request, params: OrgParamsSchema.extend(route.request.params?.shape ?? {}) },
  }));
}

/**
 * The routes with every one that changes something marked as configuring (admins only in an
 * organisation). O(routes).
 *
 * @example configuring(configRoutes(services)) // PUT /user/config and PUT /config/{test} need `configure`
 */
export function configuring(routes: readonly AnyRoute[]): AnyRoute[] {
  return routes.map((route) => (route.method === 'get' ? route : { ...route, access: 'configure' }));
}
