/**
 * A small HTTP client for API tests: JSON in, parsed JSON (or text) out, status and headers kept.
 */
import { request as httpRequest } from 'node:http';

/** A response as the tests inspect it. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  contentType: string;
  /** Parsed JSON for JSON and problem+json responses, else the text. */
  body: any;
}

/** What to send. `json` is serialised; `raw` is sent as it is (with `contentType`). */
export interface ApiRequest {
  token?: string;
  json?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * Sends one request to `baseUrl + path`.
 *
 * @example const res = await call(app.url, 'GET', '/api/v0/results', { token });
 */
export async function call(baseUrl: string, method: string, path: string, req: ApiRequest = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`;
  let body: string | undefined;
  if (req.json !== undefined) {
    body = JSON.stringify(req.json);
    headers['content-type'] = req.contentType ?? 'application/json';
  } else if (req.raw !== undefined) {
    body = req.raw;
    headers['content-type'] = req.contentType ?? 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  return toApiResponse(res.status, res.headers, await res.text());
}

/** A response as the tests inspect it, from its parts (JSON bodies parsed). */
export function toApiResponse(status: number, headers: Headers, text: string): ApiResponse {
  const contentType = headers.get('content-type') ?? '';
  return { status, headers, contentType, body: /json/.test(contentType) && text !== '' ? JSON.parse(text) : text };
}

/**
 * Sends a request with the path exactly as given (no URL normalisation, so `..` segments reach
 * the server as a raw client could send them).
 *
 * @example await rawPathCall(app.url, 'GET', '/api/v0/result/a/../b', token)
 */
export async function rawPathCall(baseUrl: string, method: string, path: string, token?: string): Promise<ApiResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          resolve(toApiResponse(res.statusCode ?? 0, headers, text));
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
