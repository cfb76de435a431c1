/**
 * The sign-in page: "Sign in with GitHub" (the server's `/auth/github`, which comes back to
 * `return_to`), and, where GitHub is not set up, an API token instead.
 */
import type { AppContext } from '../context.ts';
import { announce, field, formStatus, h, replace } from '../dom.ts';
import { tokenSession, type Session } from '../session.ts';

/** Only same-site paths are returned to (an open redirect otherwise). */
function returnPath(): string {
  const raw = new URLSearchParams(location.search).get('return_to') ?? '/';
  return raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') && !raw.startsWith('/signin') ? raw : '/';
}

/** Renders the sign-in page; `onSignedIn` receives the new session after a token sign-in. */
export async function renderSignIn(ctx: AppContext, { onSignedIn }: { onSignedIn(session: Session): void }): Promise<void> {
  document.title = 'Sign in · Vahti';
  const back = returnPath();
  if (ctx.session.user) {
    ctx.navigate(back, true);
    return;
  }
  const tokenInput = h('input', { id: 'signin-token', name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const status = h('p', { class: 'form-status' });
  const form = h(
    'form',
    {
      class: 'stack',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const session = await tokenSession(ctx.api, tokenInput.value.trim());
        if (!session.user) {
          formStatus(status, 'That token was not accepted: it is unknown, revoked or expired.', true);
          tokenInput.focus();
          return;
        }
        onSignedIn(session);
        announce('Signed in');
        ctx.navigate(back);
      },
    },
    field('API token', tokenInput, 'Create one in Settings → API tokens, or on the server with: npx vahti token create --user LOGIN. It is kept in this tab only.'),
    h('button', { type: 'submit' }, 'Sign in with token'),
    status,
  );
  const github = document.body.dataset.githubLogin !== 'false';
  replace(
    ctx.main,
    h(
      'section',
      { class: 'signin card', 'aria-labelledby': 'signin-title' },
      h('h1', { id: 'signin-title' }, 'Sign in to Vahti'),
      h('p', {}, 'See your tests, their change points and your alert settings.'),
      github
        ? [h('a', { class: 'button primary github', href: `/auth/github?return_to=${encodeURIComponent(back)}` }, 'Sign in with GitHub'), h('details', { class: 'token-signin' }, h('summary', {}, 'Use an API token instead'), form)]
        : [h('p', { class: 'muted' }, 'This server has no GitHub login set up: sign in with an API token.'), form],
      h('p', {}, 'Or browse the ', h('a', { href: '/public' }, 'public tests'), ' without signing in.'),
    ),
  );
}
