/**
 * Change points of a test, computed once per version of its data and config.
 *
 * Three layers, cheapest first: the in-memory analysis of the series (an LRU of
 * {@link SeriesAnalysis}), the store's cache (`getCachedChanges`, keyed by the plan's hash and
 * valid while the test's version is unchanged), and a full computation from the stored results.
 * A write that only appends newer results extends the in-memory analysis instead of starting
 * over; anything else (upserts that update, deletes, out-of-order results, config changes)
 * moves the version on and the next read recomputes.
 */
import type { OwnerId, Store, TestMeta, TestResult } from '../store/types.ts';
import { DEFAULT_CORE, detectionPlan, type DetectionPlan } from './detection-plan.ts';
import type { LruCache } from './lru-cache.ts';
import { requireTest } from './require-test.ts';
import { SeriesAnalysis, type ChangeGroup } from './series-analysis.ts';

/** An analysis and the test version it reflects. */
export interface TrackedSeries {
  version: number;
  analysis: SeriesAnalysis;
  /** Whether the store's cache already holds this version's change points. */
  persisted: boolean;
}

/** Computes, caches and incrementally maintains change points. */
export class ChangesService {
  readonly #store: Store;
  readonly #series: LruCache<string, TrackedSeries>;

  /**
   * @param store where results and the cache live.
   * @param series the bounded in-memory analyses, keyed by owner, test and plan.
   */
  constructor(store: Store, series: LruCache<string, TrackedSeries>) {
    this.#store = store;
    this.#series = series;
  }

  /**
   * The change points of `test`, or `NotFoundError`. O(1) store reads when cached; otherwise
   * one read of every result and a full detection.
   */
  async forTest(owner: OwnerId, test: string): Promise<ChangeGroup[]> {
    const meta = await requireTest(this.#store, owner, test);
    return this.#changesFor(owner, meta, await this.#planFor(owner, meta));
  }

  /**
   * To be called after every write of results: `appended` are the results written when the
   * write inserted them all (null when it updated any). Extends the in-memory analysis when the
   * write was a plain append of newer results (anything else leaves it on the old version, so
   * it is rebuilt), then returns the test's change points.
   */
  async afterWrite(owner: OwnerId, before: TestMeta | null, after: TestMeta, appended: readonly TestResult[] | null): Promise<ChangeGroup[]> {
    const plan = await this.#planFor(owner, after);
    const key = seriesKey(owner, after.name, plan);
    const tracked = this.#series.get(key);
    const plainAppend =
      tracked && before && appended && tracked.version === before.version &&
      after.result_count === tracked.analysis.length + appended.length && tracked.analysis.accepts(appended);
    if (plainAppend) {
      tracked.analysis.append(appended);
      tracked.version = after.version;
      tracked.persisted = false;
    }
    return this.#changesFor(owner, after, plan);
  }

  async #changesFor(owner: OwnerId, meta: TestMeta, plan: DetectionPlan): Promise<ChangeGroup[]> {
    const key = seriesKey(owner, meta.name, plan);
    let tracked = this.#series.get(key);
    if (tracked?.version !== meta.version) {
      const cached = await this.#store.getCachedChanges(owner, meta.name, plan.key);
      if (cached?.version === meta.version) return cached.payload as ChangeGroup[];
      const analysis = new SeriesAnalysis(plan);
      analysis.append(await this.#store.listResults(owner, meta.name));
      tracked = { version: meta.version, analysis, persisted: false };
      this.#series.set(key, tracked);
    }
    const payload = tracked.analysis.changes();
    if (!tracked.persisted) {
      await this.#store.putCachedChanges({ owner, test: meta.name, config_key: plan.key, version: tracked.version, payload });
      tracked.persisted = true;
    }
    return payload;
  }

  async #planFor(owner: OwnerId, meta: TestMeta): Promise<DetectionPlan> {
    const ownerConfig = await this.#store.getOwnerConfig(owner);
    return detectionPlan(ownerConfig?.core ?? DEFAULT_CORE, meta.config);
  }
}

function seriesKey(owner: OwnerId, test: string, plan: DetectionPlan): string {
  return `${owner}\u0000${test}\u0000${plan.key}`;
}
