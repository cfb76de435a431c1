/**
 * What every page is given: the API client, the session, the main element to render into and
 * a way to move to another page.
 */
import type { Api } from './api.ts';
import type { Session } from './session.ts';

/** The running dashboard as pages see it. */
export interface AppContext {
  api: Api;
  session: Session;
  main: HTMLElement;
  /** Shows another page (`replace` rewrites the history entry instead of adding one). */
  navigate(path: string, replace?: boolean): void;
  /** Registers what to undo when the page is left (charts, observers, timers). */
  onLeave(cleanup: () => void): void;
}

/** A page: renders itself into `ctx.main`. */
export type Page<R> = (ctx: AppContext, route: R) => Promise<void>;
