/**
 * A test's page: one chart per metric with every loaded point and its change points, a list of
 * the change points under each chart, the change panel, the time-range selector and, for the
 * owner, the test's thresholds and public flag (charts update after a save). Deep links:
 * `?metric=` scrolls to that metric, `&commit=` opens its change at that commit.
 */
import { ApiError } from '../api.ts';
import { MetricChart } from '../chart/metric-chart.ts';
import { showChangePanel } from '../components/change-panel.ts';
import { noResults, notFound } from '../components/states.ts';
import { thresholdFields } from '../components/threshold-fields.ts';
import { readTimeRange, timeRangeForm, type TimeRange } from '../components/time-range.ts';
import type { AppContext } from '../context.ts';
import { field, formStatus, h, replace } from '../dom.ts';
import { formatPercent, formatTime, shortCommit } from '../format.ts';
import { apiPaths, pageLinks, type Scope } from '../scope.ts';
import { changeMarks, metricSeries, type ChangeMark, type MetricSeries } from '../series.ts';
import { effectiveThresholds } from '../thresholds.ts';
import type { ChangeGroup, CoreThresholds, OwnerConfig, Result, TestSettings } from '../types.ts';

/** A metric's chart, list and count on the page. */
interface MetricView {
  series: MetricSeries;
  marks: ChangeMark[];
  chart: MetricChart;
  list: HTMLElement;
  count: HTMLElement;
}

function slug(name: string): string {
  return `metric-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function breadcrumbs(scope: Scope, test: string): HTMLElement {
  const links = pageLinks(scope);
  return h(
    'nav',
    { 'aria-label': 'Breadcrumb', class: 'breadcrumbs' },
    h('ol', {}, h('li', {}, h('a', { href: links.home }, scope.kind === 'org' ? scope.org : scope.kind === 'public' ? 'Public tests' : 'Tests')), test.split('/').map((segment, i, all) => h('li', {}, i === all.length - 1 ? h('span', { 'aria-current': 'page' }, segment) : segment))),
  );
}

/** Whether the signed-in user may change settings of `scope` (own tests, or an org they administer). */
function canConfigure(ctx: AppContext, scope: Scope): boolean {
  if (scope.kind === 'user') return true;
  return scope.kind === 'org' && (ctx.session.user?.orgs.some((o) => o.login === scope.org && o.role === 'admin') ?? false);
}

async function orNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** Renders the test page. */
export async function renderTestPage(ctx: AppContext, { scope, test }: { scope: Scope; test: string }): Promise<void> {
  document.title = `${test} · Vahti`;
  const paths = apiPaths(scope);
  const params = new URLSearchParams(location.search);
  const range = readTimeRange(location.search);
  const [results, changes, settings, ownerConfig] = await Promise.all([
    orNotFound(ctx.api.get<Result[]>(paths.results(test), { since: range.since, until: range.until })),
    orNotFound(ctx.api.get<Record<string, ChangeGroup[]>>(paths.changes(test))),
    paths.testConfig ? orNotFound(ctx.api.get<TestSettings>(paths.testConfig(test))) : Promise.resolve(null),
    paths.ownerConfig ? orNotFound(ctx.api.get<OwnerConfig>(paths.ownerConfig)) : Promise.resolve(null),
  ]);
  if (results === null || changes === null) {
    document.title = 'Not found · Vahti';
    replace(ctx.main, notFound('test'));
    return;
  }
  const state = { groups: changes[test] ?? [], settings, core: ownerConfig?.core ?? null };
  const thresholdsFor = (metric: string): CoreThresholds | null => (state.core ? effectiveThresholds(state.core, state.settings, metric) : null);

  const applyRange = (next: TimeRange) => {
    const query = new URLSearchParams();
    if (next.since !== undefined) query.set('since', String(next.since));
    if (next.until !== undefined) query.set('until', String(next.until));
    const metric = params.get('metric');
    if (metric) query.set('metric', metric);
    ctx.navigate(`${location.pathname}${query.size ? `?${query}` : ''}`);
  };
  const header = h(
    'div',
    { class: 'page-head' },
    breadcrumbs(scope, test),
    h('h1', {}, test, settings?.public ? h('span', { class: 'pill' }, 'public') : null),
    h('p', { class: 'muted' }, `${results.length} result${results.length === 1 ? '' : 's'}${range.since || range.until ? ' in this time range' : ''} · ${state.groups.reduce((n, g) => n + g.changes.length, 0)} change points in all`),
    timeRangeForm(range, applyRange, () => Date.now() / 1000),
  );

  if (results.length === 0) {
    replace(
      ctx.main,
      header,
      range.since !== undefined || range.until !== undefined
        ? h('p', { class: 'empty-state' }, 'No results in this time range. ', h('a', { href: location.pathname }, 'Show all results'))
        : noResults(scope, pageLinks(scope).settings, test),
    );
    return;
  }

  const panel = h('aside', { id: 'change-panel', class: 'change-panel card', 'aria-labelledby': 'change-panel-title', hidden: true });
  const chartsArea = h('div', { class: 'metrics' });
  const views = new Map<string, MetricView>();
  let selected: { metric: string; mark: ChangeMark } | null = null;

  const closePanel = () => {
    const was = selected;
    selected = null;
    panel.hidden = true;
    for (const v of views.values()) v.chart.select(null);
    setQuery(null);
    if (was) views.get(was.metric)?.list.querySelector<HTMLElement>(`[data-time="${was.mark.change.time}"]`)?.focus();
  };
  const setQuery = (sel: { metric: string; mark: ChangeMark } | null) => {
    const query = new URLSearchParams(location.search);
    query.delete('commit');
    if (sel) {
      query.set('metric', sel.metric);
      const commit = sel.mark.attributes.git_commit;
      if (commit) query.set('commit', commit);
    }
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  };
  const select = (metric: string, mark: ChangeMark) => {
    selected = { metric, mark };
    for (const [name, v] of views) v.chart.select(name === metric ? mark : null);
    for (const v of views.values()) for (const b of v.list.querySelectorAll('button')) b.setAttribute('aria-pressed', String(v.series.name === metric && b.dataset.time === String(mark.change.time)));
    showChangePanel(panel, mark, thresholdsFor(metric), closePanel);
    setQuery(selected);
  };

  const fillList = (view: MetricView) => {
    const n = view.marks.length;
    view.count.textContent = `${n} change point${n === 1 ? '' : 's'}`;
    replace(
      view.list,
      n === 0
        ? h('li', { class: 'muted' }, 'No change points with the current thresholds.')
        : view.marks.map((mark) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: `change-button ${mark.kind}`, 'data-time': mark.change.time, 'aria-pressed': 'false', onclick: () => select(view.series.name, mark) },
                h('span', { 'aria-hidden': 'true' }, mark.change.mean_after >= mark.change.mean_before ? '▲ ' : '▼ '),
                `${mark.kind === 'regression' ? 'Regression' : 'Improvement'} ${formatPercent(mark.change.forward_change_percent)} at ${shortCommit(mark.attributes.git_commit ?? '?')} · ${formatTime(mark.change.time)}`,
              ),
            ),
          ),
    );
  };

  const allSeries = metricSeries(results);
  const refreshChanges = async (): Promise<string> => {
    const before = [...views.values()].reduce((n, v) => n + v.marks.length, 0);
    const [fresh, freshSettings, freshOwner] = await Promise.all([
      ctx.api.get<Record<string, ChangeGroup[]>>(paths.changes(test)),
      paths.testConfig ? ctx.api.get<TestSettings>(paths.testConfig(test)) : Promise.resolve(null),
      paths.ownerConfig ? ctx.api.get<OwnerConfig>(paths.ownerConfig) : Promise.resolve(null),
    ]);
    state.groups = fresh[test] ?? [];
    state.settings = freshSettings;
    state.core = freshOwner?.core ?? null;
    for (const view of views.values()) {
      view.marks = changeMarks(state.groups, view.series.name);
      view.chart.setMarks(view.marks);
      fillList(view);
    }
    if (selected) {
      const again = views.get(selected.metric)?.marks.find((m) => m.change.time === selected?.mark.change.time);
      if (again) select(selected.metric, again);
      else closePanel();
    }
    const after = [...views.values()].reduce((n, v) => n + v.marks.length, 0);
    return `${after} change point${after === 1 ? '' : 's'} now (${before} before).`;
  };

  replace(
    ctx.main,
    header,
    h('div', { class: 'test-layout' }, chartsArea, panel),
    settings && state.core && canConfigure(ctx, scope) ? testSettingsSection(ctx, scope, test, settings, state.core, allSeries, refreshChanges) : null,
  );

  for (const series of allSeries) {
    const count = h('span', { class: 'change-count' });
    const list = h('ul', { class: 'change-list', 'aria-label': `Change points of ${series.name}` });
    const chartBox = h('div', { class: 'chart-box' });
    const section = h(
      'section',
      { class: 'metric card', id: slug(series.name), 'aria-labelledby': `${slug(series.name)}-title` },
      h('div', { class: 'metric-head' }, h('h2', { id: `${slug(series.name)}-title` }, series.name, series.unit ? h('span', { class: 'unit' }, ` (${series.unit})`) : null), count),
      h('p', { class: 'muted small' }, series.direction === 'higher_is_better' ? 'Higher is better.' : 'Lower is better.', ' Drag across the chart to zoom; double-click to reset.'),
    );
    const controls = h('div', { class: 'chart-controls', role: 'group', 'aria-label': `Zoom and pan ${series.name}` });
    section.append(controls, chartBox, list);
    chartsArea.appendChild(section);
    const marks = changeMarks(state.groups, series.name);
    const chart = new MetricChart(chartBox, {
      series,
      marks,
      attributesAt: (i) => results[i]?.attributes ?? {},
      onSelect: (mark) => select(series.name, mark),
    });
    const view: MetricView = { series, marks, chart, list, count };
    views.set(series.name, view);
    const button = (label: string, text: string, action: () => void) => h('button', { type: 'button', class: 'small-button', 'aria-label': `${label} (${series.name})`, onclick: action }, text);
    controls.append(
      button('Zoom in', '+ Zoom in', () => chart.zoom(0.5)),
      button('Zoom out', '− Zoom out', () => chart.zoom(2)),
      button('Pan left', '◀ Earlier', () => chart.pan(-0.25)),
      button('Pan right', 'Later ▶', () => chart.pan(0.25)),
      button('Reset zoom', 'Reset', () => chart.reset()),
    );
    fillList(view);
    ctx.onLeave(() => chart.destroy());
  }

  const metric = params.get('metric');
  const commit = params.get('commit');
  const target = (metric ? views.get(metric) : undefined) ?? (commit ? [...views.values()].find((v) => v.marks.some((m) => m.attributes.git_commit === commit)) : undefined);
  if (target) {
    const mark = commit ? target.marks.find((m) => m.attributes.git_commit === commit) : undefined;
    if (mark) select(target.series.name, mark);
    else document.getElementById(slug(target.series.name))?.scrollIntoView();
  }
}

function testSettingsSection(
  ctx: AppContext,
  scope: Scope,
  test: string,
  initial: TestSettings,
  core: CoreThresholds,
  series: MetricSeries[],
  refresh: () => Promise<string>,
): HTMLElement {
  const path = apiPaths(scope).testConfig?.(test) ?? '';
  let settings = initial;
  const status = h('p', { class: 'form-status' });
  const publicBox = h('input', { id: 'test-public', type: 'checkbox', checked: settings.public });
  publicBox.addEventListener('change', async () => {
    try {
      settings = await ctx.api.put<TestSettings>(path, { public: publicBox.checked });
      formStatus(status, publicBox.checked ? 'This test is now public.' : 'This test is now private.');
    } catch (err) {
      publicBox.checked = !publicBox.checked;
      formStatus(status, err instanceof Error ? err.message : String(err), true);
    }
  });
  const testFields = thresholdFields('test', false);
  testFields.show(settings.thresholds, core);
  const metricSelect = h('select', { id: 'threshold-metric' }, series.map((s) => h('option', { value: s.name }, s.name)));
  const metricFields = thresholdFields('metric', false);
  const showMetric = () => metricFields.show(settings.metrics[metricSelect.value] ?? {}, { ...core, ...settings.thresholds });
  metricSelect.addEventListener('change', showMetric);
  showMetric();
  const form = h(
    'form',
    {
      class: 'stack',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const metrics = { ...settings.metrics };
        const own = metricFields.read();
        if (Object.keys(own).length > 0) metrics[metricSelect.value] = own;
        else delete metrics[metricSelect.value];
        try {
          settings = await ctx.api.put<TestSettings>(path, { thresholds: testFields.read(), metrics });
          formStatus(status, `Thresholds saved. ${await refresh()}`);
        } catch (err) {
          formStatus(status, err instanceof Error ? err.message : String(err), true);
        }
      },
    },
    h('fieldset', {}, h('legend', {}, 'For every metric of this test'), testFields.element),
    h('fieldset', {}, h('legend', {}, 'For one metric'), field('Metric', metricSelect), metricFields.element),
    h('button', { type: 'submit', class: 'primary' }, 'Save thresholds'),
  );
  return h(
    'section',
    { class: 'card test-settings', 'aria-labelledby': 'test-settings-title' },
    h('h2', { id: 'test-settings-title' }, 'Thresholds and visibility'),
    h('div', { class: 'checkbox' }, publicBox, h('label', { for: 'test-public' }, 'Public: anyone with the link sees this test’s results and change points without signing in')),
    h('p', { class: 'muted small' }, 'Overrides here beat the owner’s thresholds (Settings); a metric’s beat the test’s. Empty fields inherit the value shown in grey.'),
    form,
    status,
  );
}
