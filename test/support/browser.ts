/**
 * A minimal browser for login tests: keeps cookies per host (honouring Max-Age/Expires removal
 * and not sending Secure cookies over plain http), follows redirects across hosts as a browser
 * does (each hop a GET), and can send JSON with extra headers. Enough to drive the real
 * passport flow between Vahti and the stand-in GitHub.
 */
import { toApiResponse, type ApiResponse } from './api-client.ts';

/** One cookie as the jar keeps it. */
interface Cookie {
  value: string;
  secure: boolean;
}

/** What to send. */
export interface BrowserRequest {
  json?: unknown;
  headers?: Record<string, string>;
  /** Follow redirects (default true); false returns the 3xx itself. */
  follow?: boolean;
}

/** A response, and the URLs the request went through (redirects followed). */
export interface BrowserResponse extends ApiResponse {
  url: string;
  redirects: string[];
}

const MAX_REDIRECTS = 10;

/** A cookie-keeping client. */
export class Browser {
  readonly #jar = new Map<string, Map<string, Cookie>>();

  /** The value of a cookie the browser holds for `url`'s host, if any. */
  cookie(url: string, name: string): string | undefined {
    return this.#jar.get(new URL(url).host)?.get(name)?.value;
  }

  /** Whether that cookie was set with the Secure attribute. */
  cookieIsSecure(url: string, name: string): boolean | undefined {
    return this.#jar.get(new URL(url).host)?.get(name)?.secure;
  }

  /** Puts a cookie in the jar (e.g. a stolen or planted one). */
  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    const cookies = this.#jar.get(host) ?? new Map<string, Cookie>();
    cookies.set(name, { value, secure: false });
    this.#jar.set(host, cookies);
  }

  /** Forgets every cookie. */
  clear(): void {
    this.#jar.clear();
  }

  /**
   * Sends one request, following redirects unless told not to.
   *
   * @example const res = await browser.request('GET', `${app.url}/auth/github`);
   */
  async request(method: string, url: string, req: BrowserRequest = {}): Promise<BrowserResponse> {
    const redirects: string[] = [];
    let current = new URL(url);
    let currentMethod = method;
    let body: string | undefined = req.json === undefined ? undefined : JSON.stringify(req.json);
    for (;;) {
      const headers: Record<string, string> = { ...req.headers };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const cookie = this.#cookieHeader(current);
      if (cookie) headers.cookie = cookie;
      const res = await fetch(current, { method: currentMethod, headers, body, redirect: 'manual' });
      this.#store(current, res.headers.getSetCookie());
      const location = res.headers.get('location');
      if (req.follow !== false && res.status >= 300 && res.status < 400 && location && redirects.length < MAX_REDIRECTS) {
        await res.arrayBuffer();
        current = new URL(location, current);
        redirects.push(current.toString());
        currentMethod = 'GET';
        body = undefined;
        continue;
      }
      return { ...toApiResponse(res.status, res.headers, await res.text()), url: current.toString(), redirects };
    }
  }

  #cookieHeader(url: URL): string {
    const cookies = this.#jar.get(url.host) ?? new Map<string, Cookie>();
    return [...cookies]
      .filter(([, c]) => !c.secure || url.protocol === 'https:')
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  #store(url: URL, setCookies: string[]): void {
    const cookies = this.#jar.get(url.host) ?? new Map<string, Cookie>();
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(key));
      const maxAge = attr('max-age=');
      const expires = attr('expires=');
      const removed = (maxAge !== undefined && Number(maxAge.split('=')[1]) <= 0) || (expires !== undefined && Date.parse(expires.slice(8)) <= Date.now());
      if (removed) cookies.delete(name);
      else cookies.set(name, { value, secure: attributes.some((a) => a.toLowerCase() === 'secure') });
    }
    this.#jar.set(url.host, cookies);
  }
}
