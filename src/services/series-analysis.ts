/**
 * Change points of one test, kept current as results are appended.
 *
 * Each metric becomes a series over all of the test's results in timestamp order; a result that
 * lacks the metric contributes a missing value (null), which the detector fills as Apache Otava
 * does (forward fill, leading gaps back-filled from the first value). Every enabled metric has
 * an `IncrementalDetector` (windowed E-divisive, Fleming et al., ICPE 2023,
 * doi:10.1145/3578244.3583719) whose output after `append` equals a full recomputation, so
 * appending newer results here gives the same change points as analysing the whole test again,
 * at the cost of the new points only.
 */
import { IncrementalDetector } from '../../algorithms/index.ts';
import type { MetricDirection, TestResult } from '../store/types.ts';
import type { DetectionPlan } from './detection-plan.ts';

/** The commit a result was measured at. */
export interface CommitAttributes {
  git_repo: string;
  branch: string;
  git_commit: string;
}

/** One metric's change point, with the time of the first result after the change. */
export interface MetricChange {
  metric: string;
  /** The metric's unit and direction as its latest result gave them. */
  unit: string;
  direction?: MetricDirection;
  /** Position of the first result after the change, in the test's results by timestamp. */
  index: number;
  time: number;
  forward_change_percent: number;
  magnitude: number;
  mean_before: number;
  stddev_before: number;
  mean_after: number;
  stddev_after: number;
  pvalue: number;
}

/** The change points of all metrics at one result (Nyrkiö's change point group). */
export interface ChangeGroup {
  time: number;
  attributes: CommitAttributes;
  changes: MetricChange[];
}

/**
 * The analysis of one test: its results' times and commits, and a detector per enabled metric.
 *
 * @example
 * const analysis = new SeriesAnalysis(detectionPlan(DEFAULT_CORE, config));
 * analysis.append(results);
 * analysis.changes(); // [{ time, attributes, changes: [{ metric, index, … }] }]
 */
export class SeriesAnalysis {
  readonly #plan: DetectionPlan;
  readonly #times: number[] = [];
  readonly #commits: CommitAttributes[] = [];
  readonly #detectors = new Map<string, IncrementalDetector>();
  readonly #units = new Map<string, { unit: string; direction?: MetricDirection }>();
  #groups: ChangeGroup[] | null = [];

  constructor(plan: DetectionPlan) {
    this.#plan = plan;
  }

  /** How many results have been appended. */
  get length(): number {
    return this.#times.length;
  }

  /**
   * True when every result in `results` sorts at or after the last one appended, so that
   * appending them equals recomputing (ties keep insertion order, as the stores do). O(k).
   */
  accepts(results: readonly TestResult[]): boolean {
    const last = this.#times.at(-1);
    return last === undefined || results.every((r) => r.timestamp >= last);
  }

  /**
   * Appends results (any order among themselves; stably sorted by timestamp here). The caller
   * checks {@link accepts} first. Cost: O(k · metrics) plus the detectors' append cost.
   */
  append(results: readonly TestResult[]): void {
    const batch = [...results].sort((a, b) => a.timestamp - b.timestamp);
    const start = this.length;
    const columns = new Map<string, Array<number | null>>();
    for (const name of this.#detectors.keys()) columns.set(name, new Array<number | null>(batch.length).fill(null));
    batch.forEach((result, i) => {
      this.#times.push(result.timestamp);
      const { git_repo, branch, git_commit } = result.attributes;
      this.#commits.push({ git_repo, branch, git_commit });
      for (const metric of result.metrics) {
        this.#units.set(metric.name, metric.direction ? { unit: metric.unit, direction: metric.direction } : { unit: metric.unit });
        let column = columns.get(metric.name);
        if (!column) {
          if (!this.#plan.optionsFor(metric.name)) continue;
          column = new Array<number | null>(batch.length).fill(null);
          columns.set(metric.name, column);
        }
        column[i] = metric.value;
      }
    });
    for (const [name, column] of columns) {
      const detector = this.#detectors.get(name);
      const options = this.#plan.optionsFor(name);
      if (detector) {
        detector.append(column);
      } else if (options) {
        const created = new IncrementalDetector(options);
        this.#detectors.set(name, created);
        created.append(new Array<number | null>(start).fill(null).concat(column));
      }
    }
    this.#groups = null;
  }

  /**
   * The change points of every enabled metric, grouped by result in timestamp order, metrics
   * by name within a group. Memoised until the next append. Cost: O(change points · log).
   */
  changes(): ChangeGroup[] {
    this.#groups ??= this.#buildGroups();
    return this.#groups;
  }

  #buildGroups(): ChangeGroup[] {
    const byIndex = new Map<number, ChangeGroup>();
    const names = [...this.#detectors.keys()].sort();
    for (const metric of names) {
      for (const cp of this.#detectors.get(metric)?.changePoints ?? []) {
        const time = this.#times[cp.index] ?? Number.NaN;
        let group = byIndex.get(cp.index);
        if (!group) {
          const attributes = this.#commits[cp.index] ?? { git_repo: '', branch: '', git_commit: '' };
          group = { time, attributes, changes: [] };
          byIndex.set(cp.index, group);
        }
        group.changes.push({
          metric,
          ...(this.#units.get(metric) ?? { unit: '' }),
          index: cp.index,
          time,
          forward_change_percent: cp.forward_change_percent,
          magnitude: cp.magnitude,
          mean_before: cp.mean_before,
          stddev_before: cp.stddev_before,
          mean_after: cp.mean_after,
          stddev_after: cp.stddev_after,
          pvalue: cp.pvalue,
        });
      }
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
  }
}
