/**
 * The change panel: everything about one change point (p-value, magnitude, means and standard
 * deviations before and after, the commit and its link) and why it was flagged, in words.
 */
import { h, replace } from '../dom.ts';
import { commitUrl, formatNumber, formatPercent, formatPvalue, formatTime, shortCommit } from '../format.ts';
import { explainChange } from '../explain.ts';
import type { ChangeMark } from '../series.ts';
import type { CoreThresholds } from '../types.ts';

/**
 * Fills `panel` with `mark`'s details and shows it; `thresholds` are the limits in force for
 * its metric (null on public pages). `onClose` runs when the panel's Close button is used.
 */
export function showChangePanel(panel: HTMLElement, mark: ChangeMark, thresholds: CoreThresholds | null, onClose: () => void): void {
  const { change, attributes } = mark;
  const unit = change.unit ? ` ${change.unit}` : '';
  const commit = attributes.git_commit ?? '';
  const link = commitUrl(attributes.git_repo, commit);
  const rows: [string, Node | string][] = [
    ['Metric', `${change.metric}${unit ? ` (${change.unit})` : ''}`],
    ['Starts at', formatTime(change.time)],
    ['Commit', link ? h('a', { href: link, rel: 'noopener noreferrer', target: '_blank' }, h('code', {}, shortCommit(commit)), h('span', { class: 'visually-hidden' }, ' (opens in a new tab)')) : h('code', {}, commit || '—')],
    ['Branch', attributes.branch ?? '—'],
    ['Change', formatPercent(change.forward_change_percent)],
    ['p-value', formatPvalue(change.pvalue)],
    ['Magnitude', `${formatNumber(change.magnitude * 100, 4)} %`],
    ['Mean before', `${formatNumber(change.mean_before)}${unit}`],
    ['Std. dev. before', `${formatNumber(change.stddev_before)}${unit}`],
    ['Mean after', `${formatNumber(change.mean_after)}${unit}`],
    ['Std. dev. after', `${formatNumber(change.stddev_after)}${unit}`],
  ];
  if (change.notified) {
    const channels = Object.entries(change.notified);
    rows.push(['Alerts', channels.length === 0 ? 'no channel wanted this change' : channels.map(([channel, state]) => `${channel}: ${state}`).join(', ')]);
  }
  replace(
    panel,
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'change-panel-title', tabindex: -1 }, h('span', { class: `kind ${mark.kind}` }, mark.kind === 'regression' ? 'Regression' : 'Improvement'), ` in ${change.metric}`),
      h('button', { type: 'button', class: 'link-button', onclick: onClose, 'aria-label': 'Close change details' }, 'Close'),
    ),
    h('dl', { class: 'stats' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {}, 'Why it was flagged'),
    h('ul', { class: 'explanation' }, explainChange(change, thresholds).map((s) => h('li', {}, s))),
  );
  panel.hidden = false;
  panel.querySelector<HTMLElement>('#change-panel-title')?.focus();
}
