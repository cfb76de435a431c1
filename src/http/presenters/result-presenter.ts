/**
 * Public shape of a stored result: Nyrkiö's `{timestamp, metrics, attributes, extra_info}`,
 * without store fields such as the record id.
 */
import type { z } from 'zod';
import type { StoredResult } from '../../store/types.ts';
import type { ResultSchema } from '../schemas/result-schemas.ts';

/**
 * Picks the public fields of a result.
 *
 * @example presentResult(stored).metrics[0] // { name: 'throughput', unit: 'ops/s', value: 1234.5 }
 */
export function presentResult(result: StoredResult): z.input<typeof ResultSchema> {
  return {
    timestamp: result.timestamp,
    metrics: result.metrics.map(({ name, unit, value, direction }) => (direction ? { name, unit, value, direction } : { name, unit, value })),
    attributes: { ...result.attributes },
    extra_info: result.extra_info,
  };
}
