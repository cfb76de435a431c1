/**
 * Three labelled inputs for max_pvalue, min_magnitude (entered in percent) and window_len.
 * An empty input means "inherit", and its placeholder shows the inherited value.
 */
import { field, h } from '../dom.ts';
import { formatNumber } from '../format.ts';
import type { CoreThresholds, Thresholds } from '../types.ts';

/** The fields and how to read them back. */
export interface ThresholdFields {
  element: HTMLElement;
  /** The entered values; absent keys were left empty. */
  read(): Thresholds;
  /** Shows `values` (absent keys empty) with `inherited` as placeholders. */
  show(values: Thresholds, inherited: CoreThresholds): void;
}

/**
 * Builds the fields with ids prefixed by `prefix`; `required` fields cannot be left empty.
 *
 * @example const f = thresholdFields('test', false); f.show(settings.thresholds, core);
 */
export function thresholdFields(prefix: string, required: boolean): ThresholdFields {
  const pvalue = h('input', { id: `${prefix}-max-pvalue`, name: 'max_pvalue', type: 'number', min: '1e-300', max: '1', step: 'any', inputmode: 'decimal', required });
  const magnitude = h('input', { id: `${prefix}-min-magnitude`, name: 'min_magnitude', type: 'number', min: '0', step: 'any', inputmode: 'decimal', required });
  const window = h('input', { id: `${prefix}-window-len`, name: 'window_len', type: 'number', min: '2', max: '10000', step: '1', inputmode: 'numeric', required });
  const inherit = required ? '' : ' Empty: inherit.';
  const element = h(
    'div',
    { class: 'threshold-fields' },
    field('Max p-value', pvalue, `A change is reported only if its p-value is at most this.${inherit}`),
    field('Min magnitude (%)', magnitude, `…and it moves the mean by at least this many percent.${inherit}`),
    field('Window length', window, `Results on each side the detector compares.${inherit}`),
  );
  const num = (input: HTMLInputElement) => (input.value.trim() === '' ? undefined : Number(input.value));
  return {
    element,
    read() {
      const out: Thresholds = {};
      const p = num(pvalue);
      const m = num(magnitude);
      const w = num(window);
      if (p !== undefined) out.max_pvalue = p;
      if (m !== undefined) out.min_magnitude = Number((m / 100).toPrecision(12));
      if (w !== undefined) out.window_len = w;
      return out;
    },
    show(values, inherited) {
      pvalue.value = values.max_pvalue === undefined ? '' : String(values.max_pvalue);
      magnitude.value = values.min_magnitude === undefined ? '' : formatNumber(values.min_magnitude * 100, 8);
      window.value = values.window_len === undefined ? '' : String(values.window_len);
      pvalue.placeholder = String(inherited.max_pvalue);
      magnitude.placeholder = formatNumber(inherited.min_magnitude * 100, 8);
      window.placeholder = String(inherited.window_len);
    },
  };
}
