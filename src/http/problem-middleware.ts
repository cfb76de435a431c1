/**
 * The one place errors become responses: any error thrown by a route, the body parser, a service
 * or a store is mapped to an {@link HttpProblem} and rendered as RFC 9457
 * `application/problem+json` with the stable `code` and the request id.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError } from '../store/errors.ts';
import { HttpProblem, PROBLEM_TYPES, httpProblem, problemTypeUri, type ProblemCode } from './problems.ts';

/** Error `type`s set by Express's body parser, mapped to our codes. */
const BODY_PARSER_CODES: Record<string, ProblemCode> = {
  'entity.parse.failed': 'malformed_json',
  'entity.too.large': 'payload_too_large',
  'charset.unsupported': 'unsupported_media_type',
  'encoding.unsupported': 'unsupported_media_type',
};

function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEM_TYPES, code);
}

/**
 * Maps any thrown value to a problem: HTTP problems as they are, domain errors by their code,
 * body-parser failures by their type, everything else to `internal_error`.
 *
 * @example toProblem(new NotFoundError('test "x"')).status // 404
 */
export function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof DomainError && isProblemCode(err.code)) return httpProblem(err.code, err.message);
  const parserType = (err as { type?: unknown } | null)?.type;
  if (typeof parserType === 'string') {
    const code = BODY_PARSER_CODES[parserType];
    if (code) return httpProblem(code, (err as Error).message);
  }
  return httpProblem('internal_error', 'unexpected server error');
}

/** Renders every error as `application/problem+json`; 5xx ones are attached to the request log. */
export const problemMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = toProblem(err);
  if (problem.status >= 500) res.err = err instanceof Error ? err : new Error(String(err));
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: problemTypeUri(problem.code),
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        instance: req.originalUrl,
        code: problem.code,
        request_id: String(req.id),
        ...(problem.errors ? { errors: problem.errors } : {}),
      }),
    );
};

/** The last route: anything unmatched is a `not_found` problem. */
export const unmatchedRoute: RequestHandler = (req, _res, next) => {
  next(httpProblem('not_found', `no route for ${req.method} ${req.path}`));
};
