/**
 * Reads the input file of `vahti detect`: JSON `{"series":[…], "window_len", "max_pvalue",
 * "min_magnitude"}` or CSV with a header row. Problems are `InputError`s with one clear line.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A problem with the user's input: the CLI prints its message and exits 2. */
export class InputError extends Error {}

/** The series and the thresholds the file asks for (absent keys stay undefined). */
export interface DetectInput {
  series: (number | null)[];
  windowLen?: number;
  maxPvalue?: number;
  minMagnitude?: number;
}

const MISSING = new Set(['', 'null']);

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function optionalNumber(doc: Record<string, unknown>, key: string): number | undefined {
  const v = doc[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') throw new InputError(`"${key}" must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function fromJson(text: string, file: string): DetectInput {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { series?: unknown }).series)) {
    throw new InputError(`${file} must be a JSON object with a "series" array`);
  }
  const obj = doc as Record<string, unknown> & { series: unknown[] };
  const series = obj.series.map((v, i) => {
    if (v === null) return null;
    if (typeof v !== 'number') throw new InputError(`series[${i}] is not a number: ${JSON.stringify(v)}`);
    return v;
  });
  return {
    series,
    windowLen: optionalNumber(obj, 'window_len'),
    maxPvalue: optionalNumber(obj, 'max_pvalue'),
    minMagnitude: optionalNumber(obj, 'min_magnitude'),
  };
}

function parseCell(cell: string): number | null {
  const t = cell.trim();
  if (MISSING.has(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : Number.NaN;
}

function fromCsv(text: string, file: string, column: string | undefined): DetectInput {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new InputError(`${file} is not valid CSV: ${(err as Error).message}`);
  }
  const header = rows[0];
  if (!header) throw new InputError(`${file} is empty: expected a header row`);
  const body = rows.slice(1);
  let col: number;
  if (column !== undefined) {
    col = header.indexOf(column);
    if (col < 0) throw new InputError(`column "${column}" not found; the columns are: ${header.join(', ')}`);
  } else {
    col = header.findIndex((_, c) => body.some((r) => parseCell(r[c]!) !== null) && body.every((r) => !Number.isNaN(parseCell(r[c]!))));
    if (col < 0) throw new InputError(`${file} has no numeric column`);
  }
  const series = body.map((r, i) => {
    const v = parseCell(r[col]!);
    if (Number.isNaN(v)) throw new InputError(`row ${i + 2}, column "${header[col]}": not a finite number: "${r[col]}"`);
    return v;
  });
  return { series };
}

/**
 * Reads FILE as JSON (by a `.json` name or a leading `{`) or else as CSV.
 *
 * @example readDetectInput('data.csv', 'latency') // { series: [12.1, null, 12.4, …] }
 */
export function readDetectInput(file: string, column?: string): DetectInput {
  const text = readText(file);
  const json = file.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
  if (json && column !== undefined) throw new InputError('--column applies to CSV input only');
  return json ? fromJson(text, file) : fromCsv(text, file, column);
}
