/**
 * Number and text formatting shared by the message builders.
 */

/**
 * A number with four significant digits, without trailing zeros or exponent for everyday values.
 *
 * @example formatValue(112.34567) // '112.3'
 */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) return v.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(4)));
}

/**
 * A signed percentage with one decimal, as Otava's text report prints it.
 *
 * @example formatPercent(12.345) // '+12.3%'
 */
export function formatPercent(p: number): string {
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
}

/**
 * A p-value: four decimals, or scientific notation below 0.001.
 *
 * @example formatPvalue(0.000012) // '1.2e-5'
 */
export function formatPvalue(p: number): string {
  if (p === 0) return '0';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(4);
}

/**
 * Escapes text for Slack mrkdwn (`&`, `<`, `>`), so user data cannot inject links or mentions.
 *
 * @example escapeSlack('a < b') // 'a &lt; b'
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A link to a commit when the repository is a web URL (GitHub, GitLab, Gitea…), else null.
 *
 * @example commitUrl('https://github.com/acme/app.git', 'abc') // 'https://github.com/acme/app/commit/abc'
 */
export function commitUrl(repo: string, commit: string): string | null {
  if (!/^https?:\/\/[^\s]+$/.test(repo) || !/^[0-9a-zA-Z._-]+$/.test(commit)) return null;
  return `${repo.replace(/\.git$/, '').replace(/\/+$/, '')}/commit/${commit}`;
}
