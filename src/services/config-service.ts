/**
 * Owner-wide thresholds and notifiers (`/user/config`), and each test's public flag, threshold
 * overrides and disabled metrics (`/config/{test}`, `/result/{test}/changes/disable|enable`).
 */
import type { OwnerConfig, OwnerId, Store, TestConfig, TestMeta, Thresholds } from '../store/types.ts';
import { DEFAULT_CORE } from './detection-plan.ts';
import { mergeNotifierSettings, readNotifierSettings, type NotifierSettingsInput } from './notifier-settings.ts';
import { requireTest } from './require-test.ts';

/** A change to a test's settings; absent keys keep their current value. */
export interface TestSettingsPatch {
  public?: boolean;
  thresholds?: Thresholds;
  metrics?: Record<string, Thresholds>;
  disabled_metrics?: string[];
}

/** Reads and writes configuration for one owner at a time. */
export class ConfigService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The owner's config, or the defaults when none was saved. */
  async ownerConfig(owner: OwnerId): Promise<OwnerConfig> {
    const stored = await this.#store.getOwnerConfig(owner);
    return { core: stored?.core ?? { ...DEFAULT_CORE }, notifiers: { ...readNotifierSettings(stored?.notifiers) } };
  }

  /**
   * Replaces the owner's thresholds and applies `notifiers` to the stored notifier settings
   * (absent keys and omitted secrets are kept; see {@link mergeNotifierSettings}). Cached change
   * points stop matching through the plan hash.
   */
  async replaceOwnerConfig(owner: OwnerId, update: { core: OwnerConfig['core']; notifiers?: NotifierSettingsInput }): Promise<OwnerConfig> {
    const stored = readNotifierSettings((await this.#store.getOwnerConfig(owner))?.notifiers);
    const notifiers = update.notifiers ? mergeNotifierSettings(stored, update.notifiers) : stored;
    const config: OwnerConfig = { core: update.core, notifiers: { ...notifiers } };
    await this.#store.putOwnerConfig(owner, config);
    return config;
  }

  /** The test's settings, or `NotFoundError`. */
  async testSettings(owner: OwnerId, test: string): Promise<TestMeta> {
    return requireTest(this.#store, owner, test);
  }

  /**
   * Applies `patch` to the test's settings (bumping its version), or `NotFoundError`.
   *
   * @example await config.updateTestSettings('u:alice', 'bench/api', { public: true })
   */
  async updateTestSettings(owner: OwnerId, test: string, patch: TestSettingsPatch): Promise<TestMeta> {
    return this.#apply(await requireTest(this.#store, owner, test), patch);
  }

  /**
   * Turns change detection off (`enabled` false) or back on for `metrics`; enabling an empty
   * list enables every metric (as Nyrkiö does).
   */
  async setMetricsEnabled(owner: OwnerId, test: string, metrics: string[], enabled: boolean): Promise<TestMeta> {
    const current = await requireTest(this.#store, owner, test);
    const disabled = new Set(current.config.disabled_metrics);
    if (enabled && metrics.length === 0) disabled.clear();
    for (const metric of metrics) {
      if (enabled) disabled.delete(metric);
      else disabled.add(metric);
    }
    return this.#apply(current, { disabled_metrics: [...disabled].sort() });
  }

  async #apply(current: TestMeta, patch: TestSettingsPatch): Promise<TestMeta> {
    const config: TestConfig = {
      thresholds: patch.thresholds ?? current.config.thresholds,
      metrics: patch.metrics ?? current.config.metrics,
      disabled_metrics: patch.disabled_metrics ?? current.config.disabled_metrics,
    };
    const publicFlag = patch.public === undefined ? {} : { public: patch.public };
    return this.#store.updateTest(current.owner, current.name, { ...publicFlag, config });
  }
}
