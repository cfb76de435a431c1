/**
 * The HTTP error vocabulary: every failure the API reports has a stable machine-readable `code`,
 * an HTTP status and a fixed title (Outline's error factories). One middleware renders them as
 * RFC 9457 `application/problem+json` (https://www.rfc-editor.org/rfc/rfc9457).
 */

/** One kind of problem: its status, title and what it means (shown on the /docs page). */
export interface ProblemType {
  status: number;
  title: string;
  description: string;
}

/** Every problem the API can answer with, by stable code. */
export const PROBLEM_TYPES = {
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    description: 'The request has no valid API token (Authorization: Bearer <token>) and no login session (the vahti.sid cookie).',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    description: 'The caller may see this but not do this, e.g. an organisation member changing its config (admins only).',
  },
  csrf_failed: {
    status: 403,
    title: 'CSRF check failed',
    description: 'A write authenticated by the session cookie must send the session’s token (GET /api/v0/user) as X-CSRF-Token.',
  },
  too_many_requests: {
    status: 429,
    title: 'Too many requests',
    description: 'Too many requests to the login routes from this address; wait for the time in RateLimit/Retry-After.',
  },
  login_failed: {
    status: 401,
    title: 'Login failed',
    description: 'The GitHub login did not complete: access denied on GitHub, an expired or replayed callback, or a refused code.',
  },
  github_unavailable: {
    status: 502,
    title: 'GitHub unavailable',
    description: 'GitHub could not be asked during the login; try again.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    description: 'No such route, or no such test, organisation or token for the caller (another owner’s test, an organisation the caller is not in, and a private test read publicly are not found either).',
  },
  malformed_json: {
    status: 400,
    title: 'Malformed JSON',
    description: 'The body is not valid JSON (NaN and Infinity are not JSON).',
  },
  validation_failed: {
    status: 400,
    title: 'Validation failed',
    description: 'The body or query string does not match the schema; `errors` lists each problem with a JSON pointer or parameter name.',
  },
  invalid_test_name: {
    status: 400,
    title: 'Invalid test name',
    description: 'Test names are 1–200 characters of [A-Za-z0-9._/-], without empty, "." or ".." segments.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    description: 'Bodies must be sent as application/json.',
  },
  payload_too_large: {
    status: 413,
    title: 'Payload too large',
    description: 'The body is larger than the configured limit (BODY_LIMIT_BYTES, default 10 MiB).',
  },
  too_many_results: {
    status: 413,
    title: 'Too many results',
    description: 'One request may carry at most 10,000 results.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    description: 'The write would break a uniqueness rule, e.g. appending a result that already exists (use PUT to upsert).',
  },
  service_unavailable: {
    status: 503,
    title: 'Service unavailable',
    description: 'The server is starting or shutting down.',
  },
  internal_error: {
    status: 500,
    title: 'Internal server error',
    description: 'An unexpected failure; the response carries the request id to quote.',
  },
} as const satisfies Record<string, ProblemType>;

/** A stable problem code. */
export type ProblemCode = keyof typeof PROBLEM_TYPES;

/** One offending input: a JSON pointer into the body, or a query/path parameter name. */
export interface ProblemDetailItem {
  detail: string;
  pointer?: string;
  parameter?: string;
}

/** An error that knows how it is rendered: status, stable code, human detail, optional item list. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: ProblemDetailItem[],
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = PROBLEM_TYPES[code].status;
    this.title = PROBLEM_TYPES[code].title;
  }
}

/**
 * The factory every layer above the store uses to fail a request.
 *
 * @example throw httpProblem('not_found', 'test "x" not found')
 */
export function httpProblem(code: ProblemCode, detail: string, errors?: ProblemDetailItem[]): HttpProblem {
  return new HttpProblem(code, detail, errors);
}

/** The `type` URI of a problem code (a URN: stable, and never fetched). */
export function problemTypeUri(code: ProblemCode): string {
  return `urn:vahti:problem:${code}`;
}
