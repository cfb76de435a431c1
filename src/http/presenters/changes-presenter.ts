/**
 * Public shape of a test's change points: Nyrkiö's report `{<test>: [group, …]}`.
 */
import type { z } from 'zod';
import { changeKey, type ChangeGroup } from '../../services/index.ts';
import type { DeliveryState } from '../../store/change-types.ts';
import type { ChangesResponseSchema } from '../schemas/changes-schemas.ts';

/**
 * Wraps the groups under the test's name; with `notified` (delivery states keyed by metric, NUL
 * and change key), each change also says how its notifications went.
 *
 * @example presentChanges('bench/api', []) // { 'bench/api': [] }
 */
export function presentChanges(test: string, groups: ChangeGroup[], notified?: Map<string, Record<string, DeliveryState>>): z.input<typeof ChangesResponseSchema> {
  if (!notified) return { [test]: groups };
  return {
    [test]: groups.map((g) => {
      const key = changeKey(g.attributes, g.time);
      return { ...g, changes: g.changes.map((c) => ({ ...c, notified: notified.get(`${c.metric}\u0000${key}`) ?? {} })) };
    }),
  };
}
