/**
 * Validates a request against its route's schemas. Handlers see only what this returns; every
 * failure becomes one problem with a stable code and a list of what was wrong where.
 */
import type { Request } from 'express';
import type { z } from 'zod';
import { httpProblem, type HttpProblem, type ProblemDetailItem } from './problems.ts';
import type { RouteRequest } from './route.ts';

type Part = 'params' | 'query' | 'body';

/** Express gives a wildcard parameter as its segments; the test name is them joined by `/`. */
function joinedParams(params: Request['params']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params as Record<string, string | string[]>).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]),
  );
}

/** RFC 6901 JSON pointer (as a URI fragment) of a zod issue path. */
function pointer(path: ReadonlyArray<PropertyKey>): string {
  return `#/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

function problemFor(part: Part, issues: z.core.$ZodIssue[]): HttpProblem {
  const items: ProblemDetailItem[] = issues.map((issue) =>
    part === 'body'
      ? { detail: issue.message, pointer: pointer(issue.path) }
      : { detail: issue.message, parameter: String(issue.path[0] ?? '') },
  );
  const first = items[0]?.detail ?? 'invalid input';
  if (part === 'params') {
    // A malformed organisation, owner or token id names nothing that exists; only test names have rules of their own.
    return issues.some((i) => i.path[0] === 'test') ? httpProblem('invalid_test_name', first, items) : httpProblem('not_found', first, items);
  }
  const batchTooBig = issues.some((i) => i.code === 'too_big' && i.origin === 'array' && i.path.length === 0);
  if (part === 'body' && batchTooBig) return httpProblem('too_many_results', first, items);
  return httpProblem('validation_failed', `${part}: ${first}`, items);
}

function parsePart(part: Part, schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw problemFor(part, result.error.issues);
  return result.data;
}

/**
 * The validated params, query and body of `req`, or a thrown problem: `invalid_test_name` for
 * a test name in the path, `not_found` for any other path parameter, `too_many_results` for an
 * oversized batch, `validation_failed` otherwise.
 *
 * Cost: O(size of the input).
 */
export function parseRequest(request: RouteRequest, req: Request): { params: unknown; query: unknown; body: unknown } {
  return {
    params: parsePart('params', request.params, joinedParams(req.params)),
    query: parsePart('query', request.query, req.query),
    body: parsePart('body', request.body, req.body),
  };
}
