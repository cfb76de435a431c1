/**
 * Runs the real Apache Otava 0.8.0 (`scripts/otava_reference.py` in the venv made by
 * `scripts/setup-otava.sh`) so tests and benchmarks can compare Vahti's detector with it.
 *
 * One Python process per call: a whole batch of series goes through stdin and the results come
 * back through stdout, so the ~0.5 s interpreter and scipy start-up is paid once per batch.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChangePoint } from '../../algorithms/types.ts';

const referenceScript = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/otava_reference.py');

/** One call of Otava's `compute_change_points`. `null` marks a missing value. */
export interface OtavaCase {
  series: ReadonlyArray<number | null>;
  windowLen: number;
  maxPvalue: number;
  minMagnitude: number;
}

/** What `benchOtava` measured: Otava's detection time alone and the indices it found. */
export interface OtavaTiming {
  bestSeconds: number;
  seconds: number[];
  indices: number[];
}

type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';
type WireChangePoint = { [K in keyof ChangePoint]: WireNumber };

/**
 * The venv's interpreter: `${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}/otava-venv/bin/python`,
 * the same rule as `scripts/setup-otava.sh`. Throws when the venv is missing.
 */
export function otavaPython(env: NodeJS.ProcessEnv = process.env): string {
  const cacheDir = env.VAHTI_CACHE_DIR || join(homedir(), '.cache', 'vahti');
  const python = join(cacheDir, 'otava-venv', 'bin', 'python');
  if (!existsSync(python)) {
    throw new Error(`Otava reference venv not found at ${python}: run scripts/setup-otava.sh`);
  }
  return python;
}

/**
 * Runs Otava 0.8.0 `compute_change_points` on every case in one Python process and returns the
 * change points of each case, in order, with NaN and the infinities decoded. O(total points).
 *
 * @example
 * const [points] = await runOtava([{ series: [1, 1, 5], windowLen: 50, maxPvalue: 0.001, minMagnitude: 0 }]);
 * // points → [{ index: 2, pvalue: 0, magnitude: 4, ... }]
 */
export async function runOtava(cases: readonly OtavaCase[]): Promise<ChangePoint[][]> {
  const request = { cases: cases.map(toWireParams) };
  const response = (await callReference(request)) as { results: WireChangePoint[][] };
  return response.results.map((points) => points.map(decodeChangePoint));
}

/**
 * Times Otava's `compute_change_points` alone (best of `repeat` runs, Python's perf_counter),
 * not the process start or the JSON transfer.
 */
export async function benchOtava(c: OtavaCase, repeat: number): Promise<OtavaTiming> {
  const response = (await callReference({ bench: { ...toWireParams(c), repeat } })) as {
    bench: { best_seconds: number; seconds: number[]; indices: number[] };
  };
  const { best_seconds: bestSeconds, seconds, indices } = response.bench;
  return { bestSeconds, seconds, indices };
}

/** The Python interpreter's version, e.g. "3.11.7". */
export async function otavaPythonVersion(): Promise<string> {
  const out = await run(otavaPython(), ['-c', 'import platform; print(platform.python_version())'], '');
  return out.trim();
}

function toWireParams(c: OtavaCase) {
  return {
    series: c.series,
    window_len: c.windowLen,
    max_pvalue: c.maxPvalue,
    min_magnitude: c.minMagnitude,
  };
}

function decodeNumber(x: WireNumber): number {
  return typeof x === 'number' ? x : Number(x);
}

function decodeChangePoint(p: WireChangePoint): ChangePoint {
  return {
    index: decodeNumber(p.index),
    pvalue: decodeNumber(p.pvalue),
    magnitude: decodeNumber(p.magnitude),
    forward_change_percent: decodeNumber(p.forward_change_percent),
    mean_before: decodeNumber(p.mean_before),
    mean_after: decodeNumber(p.mean_after),
    stddev_before: decodeNumber(p.stddev_before),
    stddev_after: decodeNumber(p.stddev_after),
  };
}

async function callReference(request: unknown): Promise<unknown> {
  const out = await run(otavaPython(), [referenceScript], JSON.stringify(request));
  return JSON.parse(out) as unknown;
}

function run(command: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A child that exits early closes stdin; its exit code and stderr tell why.
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve(Buffer.concat(stdout).toString('utf8'));
        return;
      }
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      const detail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-5).join('\n');
      reject(new Error(`${command} ${args.join(' ')} failed (${why}):\n${detail}`));
    });
    child.stdin.end(input);
  });
}
