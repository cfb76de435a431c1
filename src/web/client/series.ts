/**
 * Turns results and change points into what a chart draws: one column of values per metric
 * (null where a result lacks the metric) and, per change point, its mark and the before and
 * after mean lines. Pure; linear in the number of results.
 */
import type { Change, ChangeGroup, Direction, Result } from './types.ts';

/** One metric over the loaded results. */
export interface MetricSeries {
  name: string;
  unit: string;
  direction: Direction | undefined;
  /** Unix seconds of every loaded result (shared by all metrics of the test). */
  times: number[];
  /** The metric's value in each result, null when that result has no such metric. */
  values: (number | null)[];
}

/**
 * Every metric of the results as columns over the results' times, metrics in order of first
 * appearance. Unit and direction are the latest result's.
 *
 * Cost: O(results · metrics per result).
 *
 * @example metricSeries(results)[0] // { name: 'latency', unit: 'ms', times: [...], values: [...] }
 */
export function metricSeries(results: readonly Result[]): MetricSeries[] {
  const times = results.map((r) => r.timestamp);
  const byName = new Map<string, MetricSeries>();
  results.forEach((result, i) => {
    for (const metric of result.metrics) {
      let series = byName.get(metric.name);
      if (!series) {
        series = { name: metric.name, unit: metric.unit, direction: metric.direction, times, values: new Array<number | null>(results.length).fill(null) };
        byName.set(metric.name, series);
      }
      series.values[i] = metric.value;
      series.unit = metric.unit;
      series.direction = metric.direction;
    }
  });
  return [...byName.values()];
}

/** Whether a change made the metric worse or better. */
export type ChangeKind = 'regression' | 'improvement';

/**
 * Regression or improvement: a rise is a regression unless higher is better.
 *
 * @example changeKind({ direction: 'higher_is_better', mean_before: 10, mean_after: 8 }) // 'regression'
 */
export function changeKind(change: Pick<Change, 'direction' | 'mean_before' | 'mean_after'>): ChangeKind {
  const rose = change.mean_after > change.mean_before;
  return (change.direction === 'higher_is_better') === rose ? 'improvement' : 'regression';
}

/** A change point as a chart marks it. */
export interface ChangeMark {
  change: Change;
  /** The commit attributes of the first result after the change. */
  attributes: Record<string, string>;
  kind: ChangeKind;
  /** The before-mean line runs from the previous change (null: the series' start) to `change.time`. */
  beforeFrom: number | null;
  /** The after-mean line runs from `change.time` to the next change (null: the series' end). */
  afterTo: number | null;
}

/**
 * The change points of one metric in time order, each with the extent of its mean lines.
 *
 * Cost: O(change points · metrics per group).
 *
 * @example changeMarks(groups, 'latency').map((m) => m.change.time)
 */
export function changeMarks(groups: readonly ChangeGroup[], metric: string): ChangeMark[] {
  const found = groups
    .flatMap((g) => g.changes.filter((c) => c.metric === metric).map((change) => ({ change, attributes: g.attributes })))
    .sort((a, b) => a.change.time - b.change.time);
  return found.map(({ change, attributes }, i) => ({
    change,
    attributes,
    kind: changeKind(change),
    beforeFrom: found[i - 1]?.change.time ?? null,
    afterTo: found[i + 1]?.change.time ?? null,
  }));
}

/** A change point with the commit it starts at. */
export type CommitChange = Change & { commit: string };

/**
 * How many change points a test has and the newest of them (for the test tree).
 *
 * @example summarizeChanges(groups) // { count: 3, newest: { metric: 'latency', commit: 'c30', … } }
 */
export function summarizeChanges(groups: readonly ChangeGroup[]): { count: number; newest: CommitChange | null } {
  let count = 0;
  let newest: CommitChange | null = null;
  for (const group of groups) {
    for (const change of group.changes) {
      count += 1;
      if (!newest || change.time > newest.time) newest = { ...change, commit: group.attributes.git_commit ?? '' };
    }
  }
  return { count, newest };
}
