/**
 * Serves the dashboard from the API's own Express app: the built client under `/assets/`, and
 * one HTML shell for every page path (the client routes from `location`). The client is built
 * in memory as soon as the dashboard is mounted; requests that come earlier wait for it.
 */
import type { Express, NextFunction, Request, Response } from 'express';
import { buildDashboardAssets, type DashboardAssets } from './build-assets.ts';
import { renderShell } from './render-shell.ts';

/** The page paths the client renders (Express 5 path syntax). API and service paths stay free. */
export const DASHBOARD_PATHS = ['/', '/signin', '/settings', '/tests/*rest', '/orgs/*rest', '/public{/*rest}'];

/**
 * Content-Security-Policy of the shell: only this origin's script, style and API; images also
 * from GitHub's avatar host; no framing.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://avatars.githubusercontent.com",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Options of {@link mountDashboard}. */
export interface DashboardOptions {
  /** Builds the client; the real esbuild build unless a test supplies another. */
  build?: () => Promise<DashboardAssets>;
  /** Whether "Sign in with GitHub" is offered (an OAuth app is configured). Default true. */
  githubLogin?: boolean;
}

/**
 * Mounts the dashboard on `app`; call it before the app's not-found handler. Starts the build.
 *
 * @example mountDashboard(app); // then GET / answers the dashboard
 */
export function mountDashboard(app: Express, { build = buildDashboardAssets, githubLogin = true }: DashboardOptions = {}): void {
  const built = build().then((assets) => ({ assets, html: renderShell(assets, { githubLogin }) }));
  built.catch(() => undefined);

  app.get('/assets/:file', (req: Request, res: Response, next: NextFunction) => {
    built.then(({ assets }) => {
      const found = [assets.script, assets.style].find((a) => a.path === req.path);
      if (!found) return next();
      res.set({ 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' });
      res.type(found.contentType).send(found.body);
    }, next);
  });

  app.get(DASHBOARD_PATHS, (_req: Request, res: Response, next: NextFunction) => {
    built.then(({ html }) => {
      res.set({
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': DASHBOARD_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'same-origin',
      });
      res.type('text/html; charset=utf-8').send(html);
    }, next);
  });
}
