/**
 * Apache Otava's own asserted test cases, transcribed in `test/fixtures/otava-test-expectations.json` (a copy of the team's shared fixture).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EndToEndCase {
  name: string;
  series: number[] | 'tigerbeetle';
  params?: { window_len?: number; max_pvalue?: number; min_magnitude?: number };
  expected_indexes: number[] | string;
  expected_stats?: Record<string, Record<string, string>>;
}

export interface UnitAssert {
  name: string;
  series?: number[];
  index?: number;
  expected_indexes?: number[];
  expected_pvalue_range?: [number, number];
  series1?: number[];
  series2?: number[];
  cases?: [(number | null)[], number[]][];
}

export interface OtavaExpectations {
  series_tigerbeetle: number[];
  end_to_end_cases: EndToEndCase[];
  unit_level_asserts: UnitAssert[];
}

const path = fileURLToPath(new URL('../fixtures/otava-test-expectations.json', import.meta.url));

/** The parsed fixture file (read once). */
export const otavaExpectations = JSON.parse(readFileSync(path, 'utf8')) as OtavaExpectations;

/** A fixture case's series, resolving the shared tigerbeetle series by name. */
export function caseSeries(c: EndToEndCase): number[] {
  return c.series === 'tigerbeetle' ? otavaExpectations.series_tigerbeetle : c.series;
}
