/**
 * The public tests of every owner, readable without signing in.
 */
import type { AppContext } from '../context.ts';
import { h, replace } from '../dom.ts';
import { formatTime } from '../format.ts';
import { pageLinks } from '../scope.ts';
import type { PublicTest } from '../types.ts';

/** Renders `/public`. */
export async function renderPublicList(ctx: AppContext): Promise<void> {
  document.title = 'Public tests · Vahti';
  const tests = await ctx.api.get<PublicTest[]>('/public/results');
  const owners = [...new Set(tests.map((t) => t.owner))].sort();
  replace(
    ctx.main,
    h('h1', {}, 'Public tests'),
    tests.length === 0
      ? h('p', { class: 'empty-state' }, 'No test is public yet. Owners make a test public from its page or under Settings.')
      : owners.map((owner) =>
          h(
            'section',
            { class: 'card', 'aria-label': `Public tests of ${owner}` },
            h('h2', {}, owner),
            h(
              'ul',
              { class: 'plain-list' },
              tests
                .filter((t) => t.owner === owner)
                .map((t) =>
                  h(
                    'li',
                    {},
                    h('a', { href: pageLinks({ kind: 'public', owner }).test(t.test_name) }, t.test_name),
                    t.last_seen ? h('span', { class: 'muted' }, ` · last result ${formatTime(t.last_seen)}`) : null,
                  ),
                ),
            ),
          ),
        ),
  );
}
