/**
 * Turns a monitoring agent's nested performance report into flat metrics, so agent data is
 * stored, queried and analysed like any benchmark result.
 */
import type { Metric } from '../store/types.ts';

/**
 * The unit a metric path implies: percentages, bytes, seconds of uptime, or none.
 *
 * @example unitOf('cpu.usage') // '%'
 */
export function unitOf(path: string): string {
  if (/percent$/i.test(path) || path === 'cpu.usage') return '%';
  if (/bytes/i.test(path)) return 'bytes';
  if (/uptime$/i.test(path)) return 's';
  return '';
}

/**
 * Every finite number in `data`, named by its dotted path; array elements are named by their
 * `name` field when they have one (disks, network interfaces), else by position. Strings,
 * booleans and nulls are not metrics and are left out.
 *
 * Cost: O(size of `data`).
 *
 * @example flattenPerformance({ cpu: { usage: 12 }, disk: [{ name: 'sda', usagePercent: 40 }] })
 *   // [{ name: 'cpu.usage', unit: '%', value: 12 }, { name: 'disk.sda.usagePercent', unit: '%', value: 40 }]
 */
export function flattenPerformance(data: Record<string, unknown>): Metric[] {
  const metrics: Metric[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) metrics.push({ name: path, unit: unitOf(path), value });
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => {
        const name = (item as { name?: unknown } | null)?.name;
        walk(item, `${path}.${typeof name === 'string' ? name : i}`);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(data, '');
  return metrics;
}
