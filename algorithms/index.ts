/**
 * Vahti's change-point detection: pure functions and state, numbers in, numbers out (no I/O,
 * no clock, no globals).
 */
export { detectChangePoints } from './detect.ts';
export { IncrementalDetector } from './incremental-detector.ts';
export { compareSegments } from './segment-stats.ts';
export { firstPassPvalue, OTAVA_DEFAULTS, validateOptions } from './thresholds.ts';
export { fillMissing } from './fill-missing.ts';
export type { ChangePoint, DetectMode, DetectOptions, SegmentStats, SeriesInput } from './types.ts';
export { permutationChangePoints, type PermutationOptions } from './permutation.ts';
export { seededRandom, type RandomSource } from './random.ts';
