import type { TestConfig } from './types.ts';

/**
 * The configuration a test gets when its first result arrives: no overrides, nothing disabled,
 * so every threshold inherits from the owner's config. A fresh object on every call. O(1).
 *
 * @example emptyTestConfig() // { thresholds: {}, metrics: {}, disabled_metrics: [] }
 */
export function emptyTestConfig(): TestConfig {
  return { thresholds: {}, metrics: {}, disabled_metrics: [] };
}
