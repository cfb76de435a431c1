/**
 * The test tree of the user or an organisation: names split on `/`, each folder and test with
 * its number of change points and the newest one, and a search box. Change points are fetched
 * per test, a few at a time, and the tree fills in as they arrive.
 */
import { noResults } from '../components/states.ts';
import type { AppContext } from '../context.ts';
import { field, h, replace } from '../dom.ts';
import { formatPercent, formatTime, shortCommit } from '../format.ts';
import { apiPaths, pageLinks, type Scope } from '../scope.ts';
import { changeKind, summarizeChanges } from '../series.ts';
import { buildTree, filterTests, type ChangeSummary, type TreeNode } from '../test-tree.ts';
import type { ChangeGroup, TestSummary } from '../types.ts';

/** How many tests' change points are fetched at once. */
const CONCURRENCY = 4;

function scopeTitle(scope: Scope): string {
  return scope.kind === 'org' ? `Tests of ${scope.org}` : 'Your tests';
}

function countBadge(node: TreeNode): HTMLElement {
  const text = node.pending > 0 && node.changeCount === 0 ? '…' : String(node.changeCount);
  const label = `${node.changeCount} change point${node.changeCount === 1 ? '' : 's'}${node.pending > 0 ? ' so far' : ''}`;
  return h('span', { class: `badge${node.changeCount > 0 ? ' has-changes' : ''}`, title: label }, h('span', { 'aria-hidden': 'true' }, text), h('span', { class: 'visually-hidden' }, label));
}

function newestLine(node: TreeNode, scope: Scope): HTMLElement | null {
  if (!node.newest) return null;
  const { test, change } = node.newest;
  const kind = changeKind(change);
  const href = `${pageLinks(scope).test(test)}?metric=${encodeURIComponent(change.metric)}&commit=${encodeURIComponent(change.commit)}`;
  return h(
    'a',
    { class: `newest ${kind}`, href },
    h('span', { class: 'visually-hidden' }, 'Newest: '),
    `${change.mean_after >= change.mean_before ? '▲' : '▼'} ${node.isTest && node.children.length === 0 ? '' : `${test.slice(node.path.length + 1) || test} · `}${change.metric} ${formatPercent(change.forward_change_percent)} ${kind} at ${shortCommit(change.commit)} · ${formatTime(change.time)}`,
  );
}

function renderNode(node: TreeNode, scope: Scope, collapsed: Set<string>, searching: boolean): HTMLElement {
  const label = node.isTest ? h('a', { class: 'test-link', href: pageLinks(scope).test(node.path) }, node.label) : h('span', { class: 'folder-name' }, `${node.label}/`);
  const line = h('span', { class: 'node-line' }, label, countBadge(node), newestLine(node, scope));
  if (node.children.length === 0) return h('li', { class: 'leaf' }, line);
  const details = h('details', { open: searching || !collapsed.has(node.path) }, h('summary', {}, line), h('ul', {}, node.children.map((c) => renderNode(c, scope, collapsed, searching))));
  details.addEventListener('toggle', () => {
    if (searching) return;
    if (details.open) collapsed.delete(node.path);
    else collapsed.add(node.path);
  });
  return h('li', { class: 'folder' }, details);
}

/** Renders the tree page of `scope`. */
export async function renderTree(ctx: AppContext, { scope }: { scope: Scope }): Promise<void> {
  document.title = `${scopeTitle(scope)} · Vahti`;
  const paths = apiPaths(scope);
  const tests = await ctx.api.get<TestSummary[]>(paths.tests);
  const links = pageLinks(scope);
  if (tests.length === 0) {
    replace(ctx.main, h('h1', {}, scopeTitle(scope)), noResults(scope, links.settings));
    return;
  }
  const names = tests.map((t) => t.test_name);
  const summaries = new Map<string, ChangeSummary>();
  const collapsed = new Set<string>();
  const search = h('input', { id: 'test-search', type: 'search', placeholder: 'e.g. checkout api', autocomplete: 'off', 'aria-controls': 'test-tree' });
  const tree = h('div', { id: 'test-tree', class: 'tree' });
  const status = h('p', { class: 'muted', role: 'status' });
  let left = false;
  ctx.onLeave(() => (left = true));

  const draw = () => {
    const query = search.value.trim();
    const shown = filterTests(names, query);
    const root = buildTree(shown, summaries);
    status.textContent = query ? `${shown.length} of ${names.length} tests match “${query}”.` : `${names.length} tests · ${root.changeCount} change points${root.pending ? ` (${root.pending} tests loading)` : ''}`;
    replace(tree, shown.length === 0 ? h('p', { class: 'empty-state' }, 'No test name matches your search.') : h('ul', { class: 'tree-root' }, root.children.map((c) => renderNode(c, scope, collapsed, query !== ''))));
  };
  let scheduled = false;
  const redraw = () => {
    if (scheduled || left) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (!left) draw();
    });
  };
  search.addEventListener('input', draw);

  replace(
    ctx.main,
    h('h1', {}, scopeTitle(scope)),
    h('div', { class: 'toolbar', role: 'search' }, field('Search tests by name', search)),
    status,
    tree,
  );
  draw();

  const queue = [...names];
  const worker = async () => {
    for (let test = queue.shift(); test !== undefined && !left; test = queue.shift()) {
      try {
        const answer = await ctx.api.get<Record<string, ChangeGroup[]>>(paths.changes(test));
        summaries.set(test, summarizeChanges(answer[test] ?? []));
      } catch {
        summaries.set(test, { count: 0, newest: null });
      }
      redraw();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));
}
