/**
 * How numbers, p-values, times and commits are written on the dashboard. Times are shown in
 * UTC so that every reader of a shared link sees the same moment.
 */

/**
 * A number with up to `digits` significant digits, without trailing zeros.
 *
 * @example formatNumber(149.98333) // '150'   formatNumber(0.0012345) // '0.00123'
 */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-4)) return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(digits)));
}

/**
 * A p-value: plain for moderate values, `2.5e-83` for tiny ones.
 *
 * @example formatPvalue(2.5259e-83) // '2.53e-83'
 */
export function formatPvalue(p: number): string {
  if (p === 0) return '0';
  return p < 1e-4 ? p.toExponential(2) : formatNumber(p, 3);
}

/**
 * A signed percentage.
 *
 * @example formatPercent(49.908) // '+49.9 %'
 */
export function formatPercent(percent: number): string {
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(percent), 3)} %`;
}

/**
 * Unix seconds as `YYYY-MM-DD HH:MM UTC`.
 *
 * @example formatTime(1767225600) // '2026-01-01 00:00 UTC'
 */
export function formatTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Unix seconds as the `YYYY-MM-DD` of an `<input type="date">`.
 *
 * @example formatDate(1767225600) // '2026-01-01'
 */
export function formatDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/**
 * The first 10 characters of a commit id.
 *
 * @example shortCommit('3f2a9c1d0e4b5a6c') // '3f2a9c1d0e'
 */
export function shortCommit(commit: string): string {
  return commit.slice(0, 10);
}

/**
 * A link to the commit on its forge (GitHub, GitLab, Codeberg, …, any http(s) repository URL),
 * or null when the repository is not an http(s) URL.
 *
 * @example commitUrl('https://github.com/acme/shop.git', '3f2a9c1') // 'https://github.com/acme/shop/commit/3f2a9c1'
 */
export function commitUrl(repo: string | undefined, commit: string | undefined): string | null {
  if (!repo || !commit || !/^[0-9A-Za-z._-]+$/.test(commit)) return null;
  let url: URL;
  try {
    url = new URL(repo);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const base = `${url.origin}${url.pathname.replace(/\.git$/, '').replace(/\/+$/, '')}`;
  return `${base}${url.hostname.includes('gitlab') ? '/-/commit/' : '/commit/'}${commit}`;
}
