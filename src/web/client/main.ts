/**
 * The dashboard's entry point: finds out who is signed in, draws the header, and renders the
 * page for the current path. Same-origin links are followed without reloading; back and forward
 * work through the History API.
 */
import { Api, ApiError } from './api.ts';
import { errorMessage, notFound } from './components/states.ts';
import type { AppContext } from './context.ts';
import { announce, h, replace } from './dom.ts';
import { renderPublicList } from './pages/public-list-page.ts';
import { renderSettings } from './pages/settings-page.ts';
import { renderSignIn } from './pages/signin-page.ts';
import { renderTestPage } from './pages/test-page.ts';
import { renderTree } from './pages/tree-page.ts';
import { parseRoute, type Route } from './router.ts';
import { loadSession, signOut, type Session } from './session.ts';

const api = new Api();
const main = document.getElementById('main') as HTMLElement;
let session: Session = { user: null, via: null };
let cleanups: (() => void)[] = [];

/** Paths the server answers itself (API, sign-in, docs): followed with a full load. */
const SERVER_PATHS = /^\/(api|auth|docs|openapi\.json|healthz|metrics|assets)(\/|$)/;

function renderHeader(): void {
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  if (!nav || !account) return;
  const user = session.user;
  const links: [string, string][] = user
    ? [['/', 'Tests'], ...user.orgs.map((o): [string, string] => [`/orgs/${encodeURIComponent(o.login)}`, o.login]), ['/settings', 'Settings'], ['/public', 'Public']]
    : [['/public', 'Public tests']];
  replace(nav, h('ul', {}, links.map(([href, label]) => h('li', {}, h('a', { href }, label)))));
  markCurrent();
  if (!user) {
    replace(account, h('a', { class: 'button', href: `/signin?return_to=${encodeURIComponent(location.pathname + location.search)}` }, 'Sign in'));
    return;
  }
  replace(
    account,
    user.avatar_url ? h('img', { class: 'avatar', src: user.avatar_url, alt: '', width: 28, height: 28, onerror: (e: Event) => (e.target as HTMLElement).remove() }) : null,
    h('span', { class: 'who', title: user.email ?? '' }, h('span', { class: 'visually-hidden' }, 'Signed in as '), user.name ? `${user.name} (${user.login})` : user.login),
    h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        onclick: async () => {
          await signOut(api, session);
          session = { user: null, via: null };
          renderHeader();
          announce('Signed out');
          navigate('/signin');
        },
      },
      'Sign out',
    ),
  );
}

function markCurrent(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    const href = a.getAttribute('href') ?? '';
    const current = href === '/' ? location.pathname === '/' || location.pathname.startsWith('/tests/') : location.pathname.startsWith(href);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function needsSignIn(route: Route): boolean {
  return (route.page === 'tree' || route.page === 'test' || route.page === 'settings') && route.scope.kind !== 'public';
}

async function render(): Promise<void> {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const route = parseRoute(location.pathname);
  markCurrent();
  if (needsSignIn(route) && !session.user) {
    navigate(`/signin?return_to=${encodeURIComponent(location.pathname + location.search)}`, true);
    return;
  }
  const ctx: AppContext = { api, session, main, navigate, onLeave: (cleanup) => cleanups.push(cleanup) };
  replace(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    switch (route.page) {
      case 'tree':
        return await renderTree(ctx, route);
      case 'test':
        return await renderTestPage(ctx, route);
      case 'settings':
        return await renderSettings(ctx, route);
      case 'public-list':
        return await renderPublicList(ctx);
      case 'signin':
        return await renderSignIn(ctx, {
          onSignedIn: (next) => {
            session = next;
            renderHeader();
          },
        });
      case 'not-found':
        document.title = 'Not found · Vahti';
        return replace(main, notFound());
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      document.title = 'Not found · Vahti';
      replace(main, notFound());
    } else replace(main, errorMessage(err));
  }
}

function navigate(path: string, replaceEntry = false): void {
  if (replaceEntry) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render().then(() => {
    if (!replaceEntry) main.focus({ preventScroll: false });
  });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  if (!target || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (target.target || target.hasAttribute('download')) return;
  const url = new URL(target.href, location.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return;
  event.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    document.getElementById(url.hash.slice(1))?.scrollIntoView();
    return;
  }
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', () => void render());

try {
  session = await loadSession(api);
} catch (err) {
  replace(main, errorMessage(err));
}
renderHeader();
await render();
