/**
 * The time-range selector of a test page: presets and two dates, applied as the API's `since`
 * and `until` (Unix seconds, inclusive) in the page's query string.
 */
import { field, h } from '../dom.ts';
import { formatDate } from '../format.ts';

const DAY = 86_400;
const PRESETS: [string, string, number | null][] = [
  ['all', 'All results', null],
  ['1d', 'Last 24 hours', 1],
  ['7d', 'Last 7 days', 7],
  ['30d', 'Last 30 days', 30],
  ['90d', 'Last 90 days', 90],
  ['365d', 'Last year', 365],
  ['custom', 'Custom dates', null],
];

/** The window in the query string. */
export interface TimeRange {
  since?: number;
  until?: number;
}

/**
 * Reads `since` and `until` from a query string (whole non-negative seconds only).
 *
 * @example readTimeRange('?since=1767225600') // { since: 1767225600 }
 */
export function readTimeRange(search: string): TimeRange {
  const params = new URLSearchParams(search);
  const read = (key: string) => {
    const raw = params.get(key);
    return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  };
  const range: TimeRange = {};
  const since = read('since');
  const until = read('until');
  if (since !== undefined) range.since = since;
  if (until !== undefined) range.until = until;
  return range;
}

/**
 * The selector; `apply` receives the chosen window.
 *
 * @example timeRangeForm(readTimeRange(location.search), (r) => go(r), () => Date.now() / 1000)
 */
export function timeRangeForm(current: TimeRange, apply: (range: TimeRange) => void, now: () => number): HTMLFormElement {
  const preset = h('select', { id: 'range-preset', name: 'preset' }, PRESETS.map(([value, label]) => h('option', { value }, label)));
  const from = h('input', { id: 'range-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'range-to', name: 'to', type: 'date' });
  preset.value = current.since === undefined && current.until === undefined ? 'all' : 'custom';
  if (current.since !== undefined) from.value = formatDate(current.since);
  if (current.until !== undefined) to.value = formatDate(current.until);
  const chosen = (): TimeRange => {
    const days = PRESETS.find(([value]) => value === preset.value)?.[2];
    if (preset.value === 'all') return {};
    if (days) return { since: Math.floor(now()) - days * DAY };
    const range: TimeRange = {};
    if (from.value) range.since = Date.parse(`${from.value}T00:00:00Z`) / 1000;
    if (to.value) range.until = Date.parse(`${to.value}T23:59:59Z`) / 1000;
    return range;
  };
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') apply(chosen());
  });
  for (const input of [from, to]) input.addEventListener('change', () => (preset.value = 'custom'));
  return h(
    'form',
    {
      class: 'time-range',
      'aria-label': 'Time range',
      onsubmit: (event: Event) => {
        event.preventDefault();
        apply(chosen());
      },
    },
    field('Time range', preset),
    field('From', from),
    field('To', to),
    h('button', { type: 'submit' }, 'Apply'),
  );
}
