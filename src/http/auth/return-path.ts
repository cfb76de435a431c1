/**
 * Where a login may return to: only a path on this server, so `/auth/github?return_to=` cannot
 * send a freshly logged-in user to another site (an open redirect).
 */

const BASE = 'http://vahti.invalid';

/**
 * `value` when it is a same-origin relative path (starts with one `/`, no backslash, no control
 * characters, at most 2,000 characters), else `/`. O(length).
 *
 * @example safeReturnPath('/tests/bench?x=1') // '/tests/bench?x=1'
 * @example safeReturnPath('//evil.example/') // '/'
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/') || value.startsWith('//')) return '/';
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  const url = new URL(value, BASE);
  return url.origin === BASE ? value : '/';
}
