/**
 * Notification options for tests: fast retries, a short timeout, and background errors kept
 * where a test can assert there were none.
 */
import type { NotificationOptions } from '../../src/services/index.ts';

/** Options plus the errors the background sender reported. */
export function testNotificationOptions(overrides: Partial<NotificationOptions> = {}): NotificationOptions & { errors: unknown[] } {
  const errors: unknown[] = [];
  return {
    publicUrl: 'http://vahti.test',
    clockMs: Date.now,
    random: Math.random,
    timeoutMs: 1000,
    backoff: { baseMs: 40, maxMs: 300, maxAttempts: 6 },
    batchSize: 20,
    onError: (err) => errors.push(err),
    ...overrides,
    errors,
  };
}
