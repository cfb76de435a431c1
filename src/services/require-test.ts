/**
 * The one way services look a test up for a caller: another owner's test and a missing one
 * are the same `NotFoundError`, so nothing leaks across owners.
 */
import { NotFoundError } from '../store/errors.ts';
import type { OwnerId, Store, TestMeta } from '../store/types.ts';

/**
 * The test's metadata, or a `NotFoundError`.
 *
 * @example await requireTest(store, 'u:alice', 'bench/api') // { name: 'bench/api', … }
 */
export async function requireTest(store: Store, owner: OwnerId, test: string): Promise<TestMeta> {
  const meta = await store.getTest(owner, test);
  if (!meta) throw new NotFoundError(`test "${test}"`);
  return meta;
}
