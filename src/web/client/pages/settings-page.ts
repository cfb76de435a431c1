/**
 * Settings of the user or an organisation (org admins only): who am I, thresholds for every
 * test, Slack and webhooks, API tokens (the secret is shown once) and each test's public flag.
 */
import { ApiError } from '../api.ts';
import { thresholdFields } from '../components/threshold-fields.ts';
import type { AppContext } from '../context.ts';
import { announce, field, formStatus, h, replace } from '../dom.ts';
import { formatTime } from '../format.ts';
import { apiPaths, pageLinks, type Scope } from '../scope.ts';
import type { ApiToken, NotifierSettings, NotifyOn, OwnerConfig, TestSummary, User } from '../types.ts';

const NOTIFY_ON: [NotifyOn, string][] = [
  ['regressions', 'Regressions only'],
  ['improvements', 'Improvements only'],
  ['both', 'Regressions and improvements'],
];

function notifySelect(id: string, value: NotifyOn): HTMLSelectElement {
  const select = h('select', { id }, NOTIFY_ON.map(([v, label]) => h('option', { value: v }, label)));
  select.value = value;
  return select;
}

function errorText(err: unknown): string {
  return err instanceof ApiError ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
}

/**
 * A form whose submit handler runs with errors shown in its status line.
 *
 * @example section.append(guardedForm(status, async () => 'Saved.', fields))
 */
function guardedForm(status: HTMLElement, submit: (form: HTMLFormElement) => Promise<string>, ...children: Node[]): HTMLFormElement {
  const form: HTMLFormElement = h('form', {
    class: 'stack',
    onsubmit: async (event: Event) => {
      event.preventDefault();
      try {
        formStatus(status, await submit(form));
      } catch (err) {
        formStatus(status, errorText(err), true);
      }
    },
  });
  form.append(...children, status);
  return form;
}

function card(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

function whoAmI(user: User, via: string | null): HTMLElement {
  return card(
    'account',
    'Account',
    h(
      'dl',
      { class: 'stats' },
      h('dt', {}, 'Login'),
      h('dd', {}, user.login),
      user.name ? [h('dt', {}, 'Name'), h('dd', {}, user.name)] : null,
      user.email ? [h('dt', {}, 'Email'), h('dd', {}, user.email)] : null,
      h('dt', {}, 'Signed in with'),
      h('dd', {}, via === 'token' ? 'an API token (this tab only)' : 'GitHub'),
      h('dt', {}, 'Organisations'),
      h('dd', {}, user.orgs.length === 0 ? 'none' : user.orgs.map((o, i) => [i > 0 ? ', ' : '', h('a', { href: `/orgs/${encodeURIComponent(o.login)}/settings` }, o.login), ` (${o.role})`])),
    ),
  );
}

function thresholdsCard(ctx: AppContext, path: string, config: OwnerConfig): HTMLElement {
  const fields = thresholdFields('owner', true);
  fields.show(config.core, config.core);
  const status = h('p', { class: 'form-status' });
  return card(
    'thresholds',
    'Thresholds for every test',
    h('p', { class: 'muted small' }, 'Defaults: max p-value 0.001 and min magnitude 5 % (as Nyrkiö), window 50 (as Otava). A test or metric can override them on its page.'),
    guardedForm(
      status,
      async () => {
        const saved = await ctx.api.put<OwnerConfig>(path, { core: { ...config.core, ...fields.read() } });
        config.core = saved.core;
        fields.show(saved.core, saved.core);
        return 'Thresholds saved; change points are recomputed on their next read.';
      },
      fields.element,
      h('button', { type: 'submit', class: 'primary' }, 'Save thresholds'),
    ),
  );
}

function notifiers(config: OwnerConfig): NotifierSettings {
  const n = config.notifiers;
  return { slack: n.slack ?? null, since_days: n.since_days ?? 14, webhooks: n.webhooks ?? [], muted_tests: n.muted_tests ?? [] };
}

function slackCard(ctx: AppContext, path: string, config: OwnerConfig): HTMLElement {
  const current = notifiers(config);
  const url = h('input', { id: 'slack-url', type: 'url', autocomplete: 'off', placeholder: current.slack ? `${current.slack.webhook_url} (saved; leave empty to keep)` : 'https://hooks.slack.com/services/…' });
  const on = notifySelect('slack-notify-on', current.slack?.notify_on ?? 'regressions');
  const days = h('input', { id: 'since-days', type: 'number', min: '0', max: '3650', step: '1', value: current.since_days, required: true });
  const status = h('p', { class: 'form-status' });
  const remove = h('button', { type: 'button', class: 'danger', hidden: !current.slack }, 'Remove Slack');
  remove.addEventListener('click', async () => {
    try {
      await ctx.api.put<OwnerConfig>(path, { core: config.core, notifiers: { slack: null } });
      remove.hidden = true;
      url.placeholder = 'https://hooks.slack.com/services/…';
      formStatus(status, 'Slack removed.');
    } catch (err) {
      formStatus(status, errorText(err), true);
    }
  });
  return card(
    'slack',
    'Slack',
    h('p', { class: 'muted small' }, 'Vahti posts each new change point once to this incoming webhook. The saved URL is never shown again.'),
    guardedForm(
      status,
      async () => {
        const slack: { webhook_url?: string; notify_on: NotifyOn } = { notify_on: on.value as NotifyOn };
        if (url.value.trim()) slack.webhook_url = url.value.trim();
        const saved = await ctx.api.put<OwnerConfig>(path, { core: config.core, notifiers: { slack, since_days: Number(days.value) } });
        const savedSlack = notifiers(saved).slack;
        url.value = '';
        if (savedSlack) url.placeholder = `${savedSlack.webhook_url} (saved; leave empty to keep)`;
        remove.hidden = !savedSlack;
        return 'Slack settings saved.';
      },
      field('Incoming webhook URL', url),
      field('Send', on),
      field('Only changes newer than (days)', days, 'Older change points are not sent (applies to every channel).'),
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save Slack settings'), remove),
    ),
  );
}

function webhooksCard(ctx: AppContext, path: string, config: OwnerConfig): HTMLElement {
  let hooks = notifiers(config).webhooks;
  const list = h('ul', { class: 'plain-list' });
  const status = h('p', { class: 'form-status' });
  const save = async (next: { id?: string; url?: string; secret?: string; notify_on: NotifyOn }[]) => {
    const saved = await ctx.api.put<OwnerConfig>(path, { core: config.core, notifiers: { webhooks: next } });
    hooks = notifiers(saved).webhooks;
    draw();
  };
  const draw = () =>
    replace(
      list,
      hooks.length === 0
        ? h('li', { class: 'muted' }, 'No webhooks.')
        : hooks.map((hook) =>
            h(
              'li',
              { class: 'row' },
              h('code', {}, hook.url),
              h('span', { class: 'muted' }, NOTIFY_ON.find(([v]) => v === hook.notify_on)?.[1] ?? hook.notify_on),
              h(
                'button',
                {
                  type: 'button',
                  class: 'danger small-button',
                  'aria-label': `Remove webhook ${hook.url}`,
                  onclick: async () => {
                    try {
                      await save(hooks.filter((x) => x.id !== hook.id).map(({ id, notify_on }) => ({ id, notify_on })));
                      formStatus(status, 'Webhook removed.');
                    } catch (err) {
                      formStatus(status, errorText(err), true);
                    }
                  },
                },
                'Remove',
              ),
            ),
          ),
    );
  draw();
  const url = h('input', { id: 'webhook-url', type: 'url', required: true, autocomplete: 'off', placeholder: 'https://ci.example.com/vahti-hook' });
  const secret = h('input', { id: 'webhook-secret', type: 'password', required: true, minlength: 16, autocomplete: 'new-password' });
  const on = notifySelect('webhook-notify-on', 'both');
  return card(
    'webhooks',
    'Webhooks',
    h('p', { class: 'muted small' }, 'Each change point is POSTed as JSON, signed with HMAC-SHA256 of the secret in the Vahti-Signature header.'),
    list,
    guardedForm(
      status,
      async (form) => {
        await save([...hooks.map(({ id, notify_on }) => ({ id, notify_on })), { url: url.value.trim(), secret: secret.value, notify_on: on.value as NotifyOn }]);
        form.reset();
        return 'Webhook added.';
      },
      field('URL', url),
      field('Secret', secret, 'At least 16 characters; never shown again.'),
      field('Send', on),
      h('button', { type: 'submit' }, 'Add webhook'),
    ),
  );
}

function tokensCard(ctx: AppContext, scope: Scope): HTMLElement {
  const org = scope.kind === 'org' ? scope.org : null;
  const list = h('div', { class: 'table-wrap' });
  const status = h('p', { class: 'form-status' });
  const secretBox = h('div', { class: 'secret-box', hidden: true, role: 'region', 'aria-label': 'New token' });
  const when = (t: number | null) => (t === null ? '—' : formatTime(t));
  const draw = async () => {
    const tokens = (await ctx.api.get<ApiToken[]>('/tokens')).filter((t) => t.org === org);
    replace(
      list,
      tokens.length === 0
        ? h('p', { class: 'muted' }, 'No API tokens yet.')
        : h(
            'table',
            {},
            h('caption', { class: 'visually-hidden' }, 'API tokens'),
            h('thead', {}, h('tr', {}, ['Name', 'Created', 'Expires', 'Last used', ''].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              tokens.map((t) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, t.name),
                  h('td', {}, when(t.created_at)),
                  h('td', {}, when(t.expires_at)),
                  h('td', {}, when(t.last_used)),
                  h(
                    'td',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'danger small-button',
                        'aria-label': `Revoke token ${t.name}`,
                        onclick: async () => {
                          if (!confirm(`Revoke the token “${t.name}”? Jobs using it stop working.`)) return;
                          try {
                            await ctx.api.delete(`/tokens/${encodeURIComponent(t.id)}`);
                            formStatus(status, `Token “${t.name}” revoked.`);
                            await draw();
                          } catch (err) {
                            formStatus(status, errorText(err), true);
                          }
                        },
                      },
                      'Revoke',
                    ),
                  ),
                ),
              ),
            ),
          ),
    );
  };
  const name = h('input', { id: 'token-name', required: true, maxlength: 100, autocomplete: 'off', placeholder: 'github-actions' });
  const expires = h('input', { id: 'token-expires', type: 'date' });
  const form = guardedForm(
    status,
    async (f) => {
      const body: { name: string; expires_at?: number; org?: string } = { name: name.value.trim() };
      if (expires.value) body.expires_at = Date.parse(`${expires.value}T23:59:59Z`) / 1000;
      if (org) body.org = org;
      const created = await ctx.api.post<ApiToken>('/tokens', body);
      const value = h('input', { id: 'new-token', readonly: true, value: created.token ?? '', class: 'mono', spellcheck: 'false' });
      replace(
        secretBox,
        h('p', {}, h('strong', {}, 'Copy this token now: it is shown only once.')),
        field(`Token “${created.name}”`, value),
        h(
          'button',
          {
            type: 'button',
            onclick: async () => {
              value.select();
              await navigator.clipboard?.writeText(value.value).catch(() => undefined);
              announce('Token copied');
            },
          },
          'Copy',
        ),
      );
      secretBox.hidden = false;
      f.reset();
      await draw();
      value.focus();
      value.select();
      return `Token “${created.name}” created.`;
    },
    field('Name', name),
    field('Expires (optional)', expires, 'The token stops working at the end of this day (UTC).'),
    h('button', { type: 'submit', class: 'primary' }, 'Create token'),
  );
  const section = card('tokens', 'API tokens', h('p', { class: 'muted small' }, org ? `Tokens that upload and read the tests of ${org}.` : 'Tokens that upload and read your tests (send as Authorization: Bearer …).'), secretBox, form, list);
  draw().catch((err: unknown) => replace(list, h('p', { class: 'form-status error', role: 'alert' }, errorText(err))));
  return section;
}

function publicCard(ctx: AppContext, scope: Scope, tests: TestSummary[]): HTMLElement {
  const paths = apiPaths(scope);
  const status = h('p', { class: 'form-status' });
  return card(
    'public',
    'Public tests',
    h('p', { class: 'muted small' }, 'A public test’s results and change points can be seen by anyone, without signing in, under /public.'),
    tests.length === 0
      ? h('p', { class: 'muted' }, 'No tests yet.')
      : h(
          'ul',
          { class: 'plain-list' },
          tests.map((t, i) => {
            const box = h('input', { id: `public-${i}`, type: 'checkbox', checked: t.public });
            box.addEventListener('change', async () => {
              try {
                await ctx.api.put(paths.testConfig?.(t.test_name) ?? '', { public: box.checked });
                formStatus(status, `${t.test_name} is now ${box.checked ? 'public' : 'private'}.`);
              } catch (err) {
                box.checked = !box.checked;
                formStatus(status, errorText(err), true);
              }
            });
            return h('li', { class: 'checkbox' }, box, h('label', { for: `public-${i}` }, t.test_name), ' ', h('a', { href: pageLinks(scope).test(t.test_name), class: 'small' }, 'open'));
          }),
        ),
    status,
  );
}

/** Renders the settings page of `scope` (the user's, or an organisation's for its admins). */
export async function renderSettings(ctx: AppContext, { scope }: { scope: Scope }): Promise<void> {
  const user = ctx.session.user;
  if (!user) return;
  const title = scope.kind === 'org' ? `Settings of ${scope.org}` : 'Settings';
  document.title = `${title} · Vahti`;
  if (scope.kind === 'org') {
    const role = user.orgs.find((o) => o.login === scope.org)?.role;
    if (role !== 'admin') {
      replace(ctx.main, h('h1', {}, title), h('p', { class: 'message', role: 'alert' }, role ? `Only admins of ${scope.org} can change its settings; you are a ${role}.` : `You are not a member of ${scope.org}.`));
      return;
    }
  }
  const paths = apiPaths(scope);
  if (!paths.ownerConfig) return;
  const [config, tests] = await Promise.all([ctx.api.get<OwnerConfig>(paths.ownerConfig), ctx.api.get<TestSummary[]>(paths.tests)]);
  replace(
    ctx.main,
    h('h1', {}, title),
    h(
      'nav',
      { class: 'toc', 'aria-label': 'Sections' },
      h('ul', {}, [scope.kind === 'user' ? ['account', 'Account'] : null, ['thresholds', 'Thresholds'], ['slack', 'Slack'], ['webhooks', 'Webhooks'], ['tokens', 'API tokens'], ['public', 'Public tests']].map((item) => (item ? h('li', {}, h('a', { href: `#${item[0]}` }, item[1] ?? '')) : null))),
    ),
    scope.kind === 'user' ? whoAmI(user, ctx.session.via) : null,
    thresholdsCard(ctx, paths.ownerConfig, config),
    slackCard(ctx, paths.ownerConfig, config),
    webhooksCard(ctx, paths.ownerConfig, config),
    tokensCard(ctx, scope),
    publicCard(ctx, scope, tests),
  );
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}
