/** Summary of timing samples in milliseconds. */
export interface SampleSummary {
  count: number;
  mean: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * The q-quantile (0 <= q <= 1) of the samples with linear interpolation between order statistics
 * (the "R-7" / NumPy default rule): position q * (n - 1) in the sorted list.
 *
 * @example percentile([1, 2, 3, 4], 0.5) // 2.5
 *
 * In plain words: the value below which a fraction q of the samples lie.
 */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('percentile: expected at least one sample, got none');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`percentile: expected q in [0, 1], got ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

/** The median (0.5-quantile). @example median([3, 1, 2]) // 2 */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/**
 * Count, mean, median, p95, min and max of the samples.
 *
 * @example summarizeSamples([1, 2, 3, 4, 100]).p95 // 80.8
 *
 * In plain words: the typical time (median) and a bad-but-not-worst time (p95).
 */
export function summarizeSamples(samples: readonly number[]): SampleSummary {
  if (samples.length === 0) throw new RangeError('summarizeSamples: expected at least one sample, got none');
  const sum = samples.reduce((total, value) => total + value, 0);
  return {
    count: samples.length,
    mean: sum / samples.length,
    median: median(samples),
    p95: percentile(samples, 0.95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}
