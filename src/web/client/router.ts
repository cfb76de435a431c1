/**
 * Page routes: which page a path shows. Pure, so it is tested without a browser.
 *
 * `/` tree · `/tests/<test>` test · `/settings` · `/orgs/<org>[/tests/<test>|/settings]` ·
 * `/public` public tests · `/public/<owner>/<test>` a public test · `/signin`.
 */
import { isTestName, USER_SCOPE, type Scope } from './scope.ts';

/** A parsed page route. */
export type Route =
  | { page: 'tree'; scope: Scope }
  | { page: 'test'; scope: Scope; test: string }
  | { page: 'settings'; scope: Scope }
  | { page: 'public-list' }
  | { page: 'signin' }
  | { page: 'not-found' };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function testRoute(scope: Scope, rest: string[]): Route {
  const test = rest.join('/');
  return isTestName(test) ? { page: 'test', scope, test } : { page: 'not-found' };
}

/**
 * The route of a pathname.
 *
 * @example parseRoute('/orgs/acme/tests/bench/a') // { page: 'test', scope: { kind: 'org', org: 'acme' }, test: 'bench/a' }
 */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  const [first, second, ...rest] = parts;
  if (first === undefined) return { page: 'tree', scope: USER_SCOPE };
  if (first === 'signin' && second === undefined) return { page: 'signin' };
  if (first === 'settings' && second === undefined) return { page: 'settings', scope: USER_SCOPE };
  if (first === 'tests' && second !== undefined) return testRoute(USER_SCOPE, [second, ...rest]);
  if (first === 'orgs' && second !== undefined) {
    const org = decode(second);
    if (org === null || org === '') return { page: 'not-found' };
    const scope: Scope = { kind: 'org', org };
    const [third, ...tail] = rest;
    if (third === undefined) return { page: 'tree', scope };
    if (third === 'settings' && tail.length === 0) return { page: 'settings', scope };
    if (third === 'tests' && tail.length > 0) return testRoute(scope, tail);
    return { page: 'not-found' };
  }
  if (first === 'public') {
    if (second === undefined) return { page: 'public-list' };
    const owner = decode(second);
    if (owner === null || owner === '' || rest.length === 0) return { page: 'not-found' };
    return testRoute({ kind: 'public', owner }, rest);
  }
  return { page: 'not-found' };
}
