/**
 * Public shape of a public test: its owner's name and what the owner's own listing shows, minus
 * the public flag (always true here).
 */
import type { z } from 'zod';
import type { PublicTest } from '../../services/index.ts';
import type { PublicTestSchema } from '../schemas/account-schemas.ts';

/**
 * One entry of `GET /public/results`.
 *
 * @example presentPublicTest(test) // { owner: 'acme', test_name: 'bench/api', last_seen: 1767225600, result_count: 3 }
 */
export function presentPublicTest({ ownerName, meta }: PublicTest): z.input<typeof PublicTestSchema> {
  return { owner: ownerName, test_name: meta.name, last_seen: meta.last_seen, result_count: meta.result_count };
}
