/**
 * `vahti detect FILE`: runs the change-point detector on a file and prints
 * `{"change_points":[…]}` on stdout. Bad input exits 2 with one line on stderr.
 */
import type { Command } from 'commander';
import { detectChangePoints, OTAVA_DEFAULTS, validateOptions, type DetectMode } from '../../algorithms/index.ts';
import { InputError, readDetectInput } from './detect-input.ts';

interface DetectFlags {
  windowLen?: string;
  maxPvalue?: string;
  minMagnitude?: string;
  mode: string;
  column?: string;
  time?: boolean;
}

function flagNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (value.trim() === '' || Number.isNaN(v)) throw new InputError(`--${name} must be a number, got "${value}"`);
  return v;
}

function run(file: string, flags: DetectFlags): void {
  if (flags.mode !== 'vahti' && flags.mode !== 'otava') throw new InputError(`--mode must be vahti or otava, got "${flags.mode}"`);
  const input = readDetectInput(file, flags.column);
  const options = {
    windowLen: flagNumber('window-len', flags.windowLen) ?? input.windowLen ?? OTAVA_DEFAULTS.windowLen,
    maxPvalue: flagNumber('max-pvalue', flags.maxPvalue) ?? input.maxPvalue ?? OTAVA_DEFAULTS.maxPvalue,
    minMagnitude: flagNumber('min-magnitude', flags.minMagnitude) ?? input.minMagnitude ?? OTAVA_DEFAULTS.minMagnitude,
    mode: flags.mode as DetectMode,
  };
  try {
    validateOptions(options);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const started = performance.now();
  const changePoints = detectChangePoints(input.series, options);
  const detectMs = performance.now() - started;
  const out = flags.time ? { change_points: changePoints, detect_ms: detectMs } : { change_points: changePoints };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/**
 * Registers `detect` on the program.
 *
 * @example vahti detect results.csv --column latency --max-pvalue 0.01
 */
export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description('find change points in a series (JSON {"series":[…]} or CSV with a header row)')
    .argument('<file>', 'JSON or CSV file')
    .option('--window-len <n>', `sliding window length (default ${OTAVA_DEFAULTS.windowLen})`)
    .option('--max-pvalue <p>', `largest p-value reported, in (0, 1] (default ${OTAVA_DEFAULTS.maxPvalue})`)
    .option('--min-magnitude <m>', `smallest relative change reported, ≥ 0 (default ${OTAVA_DEFAULTS.minMagnitude})`)
    .option('--mode <mode>', 'vahti (default) or otava (bit-for-bit Apache Otava 0.8.0)', 'vahti')
    .option('--column <name>', 'CSV column to analyse (default: the first numeric column)')
    .option('--time', 'add detect_ms, the detection time alone, to the output')
    .action((file: string, flags: DetectFlags) => {
      try {
        run(file, flags);
      } catch (err) {
        if (!(err instanceof InputError) && !(err instanceof RangeError)) throw err;
        process.stderr.write(`vahti detect: ${err.message}\n`);
        process.exitCode = 2;
      }
    });
}
