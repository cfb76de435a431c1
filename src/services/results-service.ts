/**
 * Writing, reading and deleting a test's results, scoped to one owner. Every write is one store
 * transaction (all results or none) and hands the change-point analysis what it wrote.
 */
import type { OwnerId, ResultWindow, Store, StoredResult, TestMeta, TestResult } from '../store/types.ts';
import type { ChangesService } from './changes-service.ts';
import type { NotificationService } from './notification-service.ts';
import type { Clock } from '../store/clock.ts';
import { requireTest } from './require-test.ts';
import type { ChangeGroup } from './series-analysis.ts';

/** `append` adds results (POST); `upsert` replaces those with the same timestamp and commit (PUT). */
export type WriteMode = 'append' | 'upsert';

/** Results of one owner's tests. */
export class ResultsService {
  readonly #store: Store;
  readonly #changes: ChangesService;
  readonly #clock: Clock;

  readonly #notifications: NotificationService | null;

  /** @param notifications told about every write's change points; null sends nothing. */
  constructor(store: Store, changes: ChangesService, clock: Clock, notifications: NotificationService | null = null) {
    this.#store = store;
    this.#changes = changes;
    this.#clock = clock;
    this.#notifications = notifications;
  }

  /**
   * Writes `results` to `test` (created on first use, `last_seen` moved to now) and returns the
   * test's change points afterwards. O(k) writes plus the change-point update.
   *
   * @example await results.write('u:alice', 'bench/api', [result], 'append') // [{ time, attributes, changes }]
   */
  async write(owner: OwnerId, test: string, results: TestResult[], mode: WriteMode): Promise<ChangeGroup[]> {
    const before = await this.#store.getTest(owner, test);
    const summary = await this.#store.writeResults(owner, test, results, mode, this.#clock());
    const after = await requireTest(this.#store, owner, test);
    const groups = await this.#changes.afterWrite(owner, before, after, summary.updated === 0 ? results : null);
    await this.#notifications?.afterUpload(owner, after, groups);
    return groups;
  }

  /** The test's results in timestamp order within `window`, or `NotFoundError`. */
  async list(owner: OwnerId, test: string, window: ResultWindow): Promise<StoredResult[]> {
    await requireTest(this.#store, owner, test);
    return this.#store.listResults(owner, test, window);
  }

  /** Deletes all of the test's results, or those at `timestamp`; returns how many. */
  async delete(owner: OwnerId, test: string, timestamp: number | undefined): Promise<number> {
    await requireTest(this.#store, owner, test);
    return this.#store.deleteResults(owner, test, timestamp);
  }

  /** Every test of the owner with its last upload time and result count. */
  async tests(owner: OwnerId): Promise<TestMeta[]> {
    return this.#store.listTests(owner);
  }
}
