/**
 * Public shape of a test's change points: Nyrkiö's report `{<test>: [group, …]}`.
 */
import type { z } from 'zod';
import type { ChangeGroup } from '../../services/index.ts';
import type { ChangesResponseSchema } from '../schemas/changes-schemas.ts';

/**
 * Wraps the groups under the test's name.
 *
 * @example presentChanges('bench/api', []) // { 'bench/api': [] }
 */
export function presentChanges(test: string, groups: ChangeGroup[]): z.input<typeof ChangesResponseSchema> {
  return { [test]: groups };
}
