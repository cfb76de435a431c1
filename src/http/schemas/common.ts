/**
 * Schemas shared by several routes: test names, timestamps, integer query parameters and the
 * problem document. Each route's own schema is built from these in its group's file.
 */
import { z } from 'zod';
import { PROBLEM_TYPES } from '../problems.ts';

/** The longest accepted test name. */
export const MAX_TEST_NAME_LENGTH = 200;

/** 9999-12-31T23:59:59Z: larger "seconds" are almost surely milliseconds sent by mistake. */
export const MAX_TIMESTAMP = 253_402_300_799;

/** A test name: [A-Za-z0-9._/-], 1–200 characters, `/`-separated segments none empty, "." or "..". */
export const TestNameSchema = z
  .string()
  .min(1)
  .max(MAX_TEST_NAME_LENGTH)
  .regex(/^[A-Za-z0-9._/-]+$/, 'test names use only A-Z a-z 0-9 . _ / -')
  .refine((name) => name.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), 'test names have no empty, "." or ".." segments')
  .meta({ id: 'TestName', description: 'Test name; may contain `/` (sent unescaped in the path).', example: 'checkout/api/ingest' });

/** Path parameters of every `/result/{test}…` and `/config/{test}` route. */
export const TestParamsSchema = z.object({ test: TestNameSchema });

/** A Unix time in whole seconds, 0 to year 9999. */
export const TimestampSchema = z.number().int().min(0).max(MAX_TIMESTAMP).meta({ description: 'Unix time in whole seconds.', example: 1767225600 });

/**
 * A query-string integer in [min, max] (digits only, so an empty or signed value is rejected).
 *
 * @example intQuery(1, 100).parse('7') // 7
 */
export function intQuery(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** RFC 9457 problem document, as every error response carries it. */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:vahti:problem:validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.enum(Object.keys(PROBLEM_TYPES) as [keyof typeof PROBLEM_TYPES, ...Array<keyof typeof PROBLEM_TYPES>]),
    request_id: z.string(),
    errors: z
      .array(z.object({ detail: z.string(), pointer: z.string().optional(), parameter: z.string().optional() }))
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });
