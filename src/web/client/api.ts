/**
 * The dashboard's HTTP client: JSON in and out, same-origin cookies, `X-CSRF-Token` on
 * cookie-authenticated writes (or a bearer token when signed in with one), and problem
 * documents turned into {@link ApiError}s.
 */

/** A failed request: the problem document's status, stable code and detail. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, detail: string) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** How requests prove who they are. */
export interface Credentials {
  /** The session's CSRF token (cookie sign-in). */
  csrf?: string;
  /** An API token (token sign-in). */
  bearer?: string;
}

type Query = Record<string, string | number | undefined>;

/** Sends requests under `/api/v0`. */
export class Api {
  credentials: Credentials;

  constructor(credentials: Credentials = {}) {
    this.credentials = credentials;
  }

  /** GET `path` (under /api/v0) with the defined query parameters. */
  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.send<T>('GET', path, undefined, query);
  }

  /** PUT a JSON body. */
  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  /** POST a JSON body (or none). */
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  /** DELETE. */
  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path);
  }

  /**
   * Sends one request and parses the answer; rejects with an {@link ApiError} on 4xx/5xx.
   * Paths starting with `/api/` or `/auth/` are used as they are, others go under `/api/v0`.
   */
  async send<T>(method: string, path: string, body?: unknown, query: Query = {}): Promise<T> {
    const url = new URL(/^\/(api|auth)\//.test(path) ? path : `/api/v0${path}`, location.origin);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.credentials.bearer) headers.authorization = `Bearer ${this.credentials.bearer}`;
    else if (method !== 'GET' && this.credentials.csrf) headers['x-csrf-token'] = this.credentials.csrf;
    const res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const text = await res.text();
    const parsed: unknown = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
    if (!res.ok) {
      const problem = (parsed ?? {}) as { code?: string; detail?: string; title?: string };
      throw new ApiError(res.status, problem.code ?? 'http_error', problem.detail ?? problem.title ?? `${res.status} ${res.statusText}`);
    }
    return parsed as T;
  }
}
