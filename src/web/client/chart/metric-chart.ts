/**
 * One metric's chart (uPlot): every point, a vertical mark at each change point with its
 * before and after mean lines, a tooltip with value, time, commit and attributes, drag to zoom (double-click resets),
 * buttons and keys to zoom and pan, and a click on a mark to open it. uPlot draws 100,000
 * points in tens of milliseconds; the marks are drawn on top in one canvas pass.
 */
import uPlot from 'uplot';
import { h, replace } from '../dom.ts';
import { formatNumber, formatPercent, formatTime, shortCommit } from '../format.ts';
import type { ChangeMark, MetricSeries } from '../series.ts';

/** What the chart is built from. */
export interface MetricChartOptions {
  series: MetricSeries;
  marks: ChangeMark[];
  /** The attributes of the result at an index of `series.times`. */
  attributesAt(index: number): Record<string, string>;
  /** Called when a mark is clicked. */
  onSelect(mark: ChangeMark): void;
}

const COLORS = { line: '#0b5cad', regression: '#b3261e', improvement: '#1b6e20', mean: '#3d3d3d', grid: '#e3e6ea', axis: '#333' };
const HIT_PX = 8;

/** A chart in a container; call {@link MetricChart.destroy} when the page is left. */
export class MetricChart {
  readonly element: HTMLElement;
  #plot: uPlot;
  #marks: ChangeMark[];
  #selected: ChangeMark | null = null;
  #resize: ResizeObserver;
  readonly #options: MetricChartOptions;
  readonly #tooltip: HTMLElement;
  readonly #full: { min: number; max: number };

  constructor(container: HTMLElement, options: MetricChartOptions) {
    this.#options = options;
    this.#marks = options.marks;
    const { series } = options;
    const first = series.times[0] ?? 0;
    const last = series.times[series.times.length - 1] ?? first + 1;
    this.#full = { min: first, max: last > first ? last : first + 1 };
    this.#tooltip = h('div', { class: 'chart-tooltip', hidden: true });
    this.element = h('div', {
      class: 'chart',
      tabindex: 0,
      role: 'img',
      'aria-roledescription': 'interactive chart',
      'aria-label': this.#label(),
    });
    container.appendChild(this.element);
    this.element.addEventListener('keydown', (e) => this.#onKey(e));
    const width = Math.max(280, container.clientWidth || 600);
    this.#plot = new uPlot(this.#config(width), [series.times, series.values], this.element);
    this.#plot.over.appendChild(this.#tooltip);
    this.#attachClicks();
    this.#resize = new ResizeObserver(() => {
      const w = Math.max(280, container.clientWidth);
      if (Math.abs(w - this.#plot.width) > 2) this.#plot.setSize({ width: w, height: this.#height(w) });
    });
    this.#resize.observe(container);
  }

  /** Replaces the change marks (after a threshold change) and redraws. */
  setMarks(marks: ChangeMark[]): void {
    this.#marks = marks;
    if (this.#selected && !marks.some((m) => m.change.time === this.#selected?.change.time)) this.#selected = null;
    this.element.setAttribute('aria-label', this.#label());
    this.#plot.redraw(false);
  }

  /** Highlights a mark (null: none) and brings it into view. */
  select(mark: ChangeMark | null): void {
    this.#selected = mark;
    if (mark) {
      const { min, max } = this.#view();
      if (mark.change.time < min || mark.change.time > max) this.#setView(mark.change.time - (max - min) / 2, mark.change.time + (max - min) / 2);
    }
    this.#plot.redraw(false);
  }

  /** Zooms around the view's centre: factor < 1 zooms in. */
  zoom(factor: number): void {
    const { min, max } = this.#view();
    const mid = (min + max) / 2;
    const half = Math.max(((max - min) * factor) / 2, 1);
    this.#setView(mid - half, mid + half);
  }

  /** Moves the view by a fraction of its width (negative: back in time). */
  pan(fraction: number): void {
    const { min, max } = this.#view();
    const shift = (max - min) * fraction;
    this.#setView(min + shift, max + shift);
  }

  /** Shows every loaded point again. */
  reset(): void {
    this.#setView(this.#full.min, this.#full.max);
  }

  /** Removes the chart and its observers. */
  destroy(): void {
    this.#resize.disconnect();
    this.#plot.destroy();
    this.element.remove();
  }

  #label(): string {
    const { series } = this.#options;
    const n = this.#marks.length;
    return `${series.name}${series.unit ? ` in ${series.unit}` : ''}: ${series.times.length} results, ${n} change point${n === 1 ? '' : 's'}. Arrow keys pan, plus and minus zoom, 0 resets.`;
  }

  #height(width: number): number {
    return width < 500 ? 200 : 260;
  }

  #view(): { min: number; max: number } {
    const x = this.#plot.scales.x;
    return { min: x?.min ?? this.#full.min, max: x?.max ?? this.#full.max };
  }

  #setView(min: number, max: number): void {
    this.#plot.setScale('x', { min, max });
  }

  #onKey(e: KeyboardEvent): void {
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.pan(-0.25),
      ArrowRight: () => this.pan(0.25),
      '+': () => this.zoom(0.5),
      '=': () => this.zoom(0.5),
      '-': () => this.zoom(2),
      '0': () => this.reset(),
      Home: () => this.reset(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  #config(width: number): uPlot.Options {
    const { series } = this.#options;
    return {
      width,
      height: this.#height(width),
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 8 } },
      scales: { x: { time: true } },
      axes: [
        { stroke: COLORS.axis, grid: { stroke: COLORS.grid, width: 1 }, ticks: { stroke: COLORS.grid } },
        { stroke: COLORS.axis, grid: { stroke: COLORS.grid, width: 1 }, ticks: { stroke: COLORS.grid }, size: 60, values: (_u, ticks) => ticks.map((t) => formatNumber(t, 3)) },
      ],
      series: [
        {},
        {
          label: series.name,
          stroke: COLORS.line,
          width: 1.5,
          spanGaps: true,
          points: { show: (u, _si, i0, i1) => (i1 - i0) * 6 < u.bbox.width / devicePixelRatio, size: 5, fill: COLORS.line },
        },
      ],
      hooks: {
        draw: [(u) => this.#drawMarks(u)],
        setCursor: [(u) => this.#showTooltip(u)],
      },
    };
  }

  #drawMarks(u: uPlot): void {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const xMin = u.scales.x?.min ?? this.#full.min;
    const xMax = u.scales.x?.max ?? this.#full.max;
    const px = (t: number) => u.valToPos(Math.min(Math.max(t, xMin), xMax), 'x', true);
    const py = (v: number) => u.valToPos(v, 'y', true);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    const dpr = devicePixelRatio;
    for (const mark of this.#marks) {
      const { change } = mark;
      const selected = this.#selected?.change.time === change.time;
      const color = COLORS[mark.kind];
      const x = px(change.time);
      ctx.lineWidth = (selected ? 3 : 1.5) * dpr;
      ctx.strokeStyle = color;
      ctx.setLineDash([4 * dpr, 3 * dpr]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineWidth = (selected ? 3 : 2) * dpr;
      ctx.strokeStyle = COLORS.mean;
      ctx.beginPath();
      ctx.moveTo(px(mark.beforeFrom ?? xMin), py(change.mean_before));
      ctx.lineTo(x, py(change.mean_before));
      ctx.stroke();
      ctx.strokeStyle = color;
      ctx.beginPath();
      ctx.moveTo(x, py(change.mean_after));
      ctx.lineTo(px(mark.afterTo ?? xMax), py(change.mean_after));
      ctx.stroke();
      ctx.fillStyle = color;
      const s = (selected ? 7 : 5) * dpr;
      ctx.beginPath();
      if (change.mean_after >= change.mean_before) {
        ctx.moveTo(x - s, top + 2 * s);
        ctx.lineTo(x + s, top + 2 * s);
        ctx.lineTo(x, top + 0.5 * s);
      } else {
        ctx.moveTo(x - s, top + 0.5 * s);
        ctx.lineTo(x + s, top + 0.5 * s);
        ctx.lineTo(x, top + 2 * s);
      }
      ctx.fill();
    }
    ctx.restore();
  }

  #showTooltip(u: uPlot): void {
    const i = u.cursor.idx;
    const value = i == null ? null : this.#options.series.values[i];
    if (i == null || value == null) {
      this.#tooltip.hidden = true;
      return;
    }
    const { series } = this.#options;
    const attrs = this.#options.attributesAt(i);
    const commit = attrs.git_commit;
    const extra = Object.entries(attrs).filter(([k]) => k !== 'git_commit');
    const near = this.#markNear(u.cursor.left ?? -1);
    replace(
      this.#tooltip,
      h('strong', {}, `${formatNumber(value)}${series.unit ? ` ${series.unit}` : ''}`),
      h('div', {}, formatTime(series.times[i] ?? 0)),
      commit ? h('div', {}, 'commit ', h('code', {}, shortCommit(commit))) : null,
      ...extra.map(([k, v]) => h('div', { class: 'muted' }, `${k}: ${v}`)),
      near ? h('div', { class: `tip-change ${near.kind}` }, `Change ${formatPercent(near.change.forward_change_percent)} here (click)`) : null,
    );
    this.#tooltip.hidden = false;
    const left = u.cursor.left ?? 0;
    const top = u.cursor.top ?? 0;
    const tipWidth = this.#tooltip.offsetWidth;
    const overWidth = u.over.clientWidth;
    this.#tooltip.style.left = `${left + 12 + tipWidth > overWidth ? Math.max(0, left - tipWidth - 12) : left + 12}px`;
    this.#tooltip.style.top = `${Math.max(0, Math.min(top + 12, u.over.clientHeight - this.#tooltip.offsetHeight))}px`;
  }

  #markNear(cssLeft: number): ChangeMark | null {
    if (cssLeft < 0) return null;
    let best: ChangeMark | null = null;
    let bestDistance = HIT_PX;
    for (const mark of this.#marks) {
      const d = Math.abs(this.#plot.valToPos(mark.change.time, 'x') - cssLeft);
      if (d <= bestDistance) {
        best = mark;
        bestDistance = d;
      }
    }
    return best;
  }

  #attachClicks(): void {
    let downX = 0;
    this.#plot.over.addEventListener('mousedown', (e) => (downX = e.clientX));
    this.#plot.over.addEventListener('click', (e) => {
      if (Math.abs(e.clientX - downX) > 3) return;
      const mark = this.#markNear(e.clientX - this.#plot.over.getBoundingClientRect().left);
      if (mark) this.#options.onSelect(mark);
    });
  }
}
