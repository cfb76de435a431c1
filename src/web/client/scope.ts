/**
 * Whose tests a page shows, and the API paths and page links for that owner: the signed-in
 * user's, an organisation's (the user routes with `/orgs/{org}` after `/api/v0`), or an
 * owner's public tests (read-only, no sign-in).
 */

/** The owner a page belongs to. */
export type Scope = { kind: 'user' } | { kind: 'org'; org: string } | { kind: 'public'; owner: string };

/** The user's own scope. */
export const USER_SCOPE: Scope = { kind: 'user' };

/** Test names use only `A-Za-z0-9._/-`; this also keeps a crafted link from leaving the path. */
const TEST_NAME = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Whether `name` is a well-formed test name. */
export function isTestName(name: string): boolean {
  return name.length <= 200 && TEST_NAME.test(name) && name.split('/').every((s) => s !== '.' && s !== '..');
}

function apiBase(scope: Scope): string {
  return scope.kind === 'org' ? `/orgs/${encodeURIComponent(scope.org)}` : '';
}

/**
 * API paths of a scope, relative to `/api/v0`.
 *
 * @example apiPaths({ kind: 'org', org: 'acme' }).changes('bench/a') // '/orgs/acme/result/bench/a/changes'
 */
export function apiPaths(scope: Scope) {
  const base = apiBase(scope);
  if (scope.kind === 'public') {
    const owner = encodeURIComponent(scope.owner);
    return {
      tests: '/public/results',
      results: (test: string) => `/public/result/${owner}/${test}`,
      changes: (test: string) => `/public/result/${owner}/${test}/changes`,
      testConfig: null,
      ownerConfig: null,
    };
  }
  return {
    tests: `${base}/results`,
    results: (test: string) => `${base}/result/${test}`,
    changes: (test: string) => `${base}/result/${test}/changes`,
    testConfig: (test: string) => `${base}/config/${test}`,
    ownerConfig: `${base}/user/config`,
  };
}

/**
 * Page links of a scope.
 *
 * @example pageLinks({ kind: 'user' }).test('bench/a') // '/tests/bench/a'
 */
export function pageLinks(scope: Scope) {
  switch (scope.kind) {
    case 'user':
      return { home: '/', test: (test: string) => `/tests/${test}`, settings: '/settings' };
    case 'org': {
      const org = `/orgs/${encodeURIComponent(scope.org)}`;
      return { home: org, test: (test: string) => `${org}/tests/${test}`, settings: `${org}/settings` };
    }
    case 'public': {
      const owner = `/public/${encodeURIComponent(scope.owner)}`;
      return { home: '/public', test: (test: string) => `${owner}/${test}`, settings: null };
    }
  }
}
