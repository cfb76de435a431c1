/**
 * docs/benchmarks.md is shared by the benchmarks: each owns one "## " section and rewrites only it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The results file. */
export const benchmarksFile = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

/**
 * Replaces the section that starts with the line `heading` (up to the next "## " heading) with
 * `section`, or appends `section` when the file has no such heading yet.
 *
 * @example writeBenchmarkSection('## Detection (npm run bench:detect)', text)
 */
export function writeBenchmarkSection(heading: string, section: string): void {
  const existing = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(`${heading}\n`);
  if (start < 0) {
    writeFileSync(benchmarksFile, `${existing.trimEnd()}\n\n${section}`);
    return;
  }
  const next = existing.indexOf('\n## ', start + heading.length);
  const rest = next < 0 ? '' : `\n${existing.slice(next + 1)}`;
  writeFileSync(benchmarksFile, `${existing.slice(0, start)}${section}${rest}`);
}
