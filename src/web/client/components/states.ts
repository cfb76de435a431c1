/**
 * Messages a page shows instead of its content: empty, not found, errors, sign-in needed.
 */
import { ApiError } from '../api.ts';
import { h } from '../dom.ts';
import type { Scope } from '../scope.ts';

/**
 * The curl command that uploads a first result to `test` of `scope`'s owner.
 *
 * @example uploadCommand('http://localhost:8080', { kind: 'user' }, 'bench/parse')
 */
export function uploadCommand(origin: string, scope: Scope, test = 'bench/parse'): string {
  const base = scope.kind === 'org' ? `/orgs/${encodeURIComponent(scope.org)}` : '';
  return [
    `curl -X POST "${origin}/api/v0${base}/result/${test}" \\`,
    `  -H "Authorization: Bearer $VAHTI_TOKEN" -H 'Content-Type: application/json' \\`,
    `  -d '[{"timestamp": '"$(date +%s)"', "metrics": [{"name": "latency", "unit": "ms", "value": 12.5, "direction": "lower_is_better"}],`,
    `        "attributes": {"git_repo": "https://github.com/acme/shop", "branch": "main", "git_commit": "'"$(git rev-parse HEAD)"'"}}]'`,
  ].join('\n');
}

/** "No results yet — here is the curl command to upload one", with a pointer to tokens. */
export function noResults(scope: Scope, settingsHref: string | null, test?: string): HTMLElement {
  return h(
    'section',
    { class: 'empty-state', 'aria-labelledby': 'empty-title' },
    h('h2', { id: 'empty-title' }, 'No results yet — here is the curl command to upload one'),
    h('pre', { class: 'code', tabindex: 0, 'aria-label': 'Upload command' }, h('code', {}, uploadCommand(location.origin, scope, test))),
    h(
      'p',
      {},
      'Set ',
      h('code', {}, 'VAHTI_TOKEN'),
      ' to an API token first',
      settingsHref ? [' (create one under ', h('a', { href: `${settingsHref}#tokens` }, 'Settings → API tokens'), ')'] : null,
      '. Change points appear once a metric has enough results on both sides of a shift. ',
      h('a', { href: '/docs' }, 'API reference'),
    ),
  );
}

/** A page for a missing or unreachable thing. */
export function notFound(what = 'page'): HTMLElement {
  return h('section', { class: 'message' }, h('h1', {}, 'Not found'), h('p', {}, `There is no such ${what}, or you cannot see it.`), h('p', {}, h('a', { href: '/' }, 'Back to the tests')));
}

/** An error message from a failed request. */
export function errorMessage(err: unknown): HTMLElement {
  const text = err instanceof ApiError ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
  return h('section', { class: 'message', role: 'alert' }, h('h1', {}, 'Something went wrong'), h('p', {}, text));
}
