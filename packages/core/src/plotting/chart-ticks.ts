/**
 * Smallest and largest of `values` by a loop: `Math.min(...values)` overflows the call stack for a
 * few hundred thousand values (a per-step loss curve of a long run).
 *
 * @example
 * extent([3, 1, 2]); // [1, 3]
 *
 * In plain words: how far the numbers reach, both ways.
 */
export function extent(values: readonly number[]): [number, number] {
  let [low, high] = [Infinity, -Infinity];
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}

/**
 * Tick positions at "nice" steps (1, 2 or 5 times a power of ten) covering [min, max], about
 * `count` of them; `[min]` when the range is empty.
 *
 * @example
 * niceTicks(0, 1, 5); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 *
 * In plain words: where to put the little marks on an axis so their numbers are round.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (min === max) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  // Whole multiples of the step (never a running sum, whose rounding made the zero tick -1.4e-16).
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max + step * 1e-9; k++)
    ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/**
 * Ticks for a log axis, as exponents (log10 of the values) in [minExponent, maxExponent]: whole
 * decades when the axis spans several (every k-th, about `count` of them), 1-2-5 in each decade
 * over one to `count` decades, and nice linear values when less than a decade is shown.
 *
 * @example
 * logTicks(-2, 0.5, 5).map((e) => 10 ** e); // ~[0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2]
 *
 * In plain words: on a log axis, put the marks at 1, 10, 100 (or 1, 2, 5, 10), never at 3.162.
 */
export function logTicks(minExponent: number, maxExponent: number, count: number): number[] {
  const span = maxExponent - minExponent;
  const inRange = (e: number) => e >= minExponent - 1e-9 && e <= maxExponent + 1e-9;
  if (span < 1) {
    return niceTicks(10 ** minExponent, 10 ** maxExponent, count)
      .filter((v) => v > 0)
      .map(Math.log10)
      .filter(inRange);
  }
  const every = Math.max(1, Math.ceil(span / count));
  const multiples = span > count ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let decade = Math.floor(minExponent); decade <= Math.ceil(maxExponent); decade++) {
    if (decade % every !== 0) continue;
    for (const m of multiples) if (inRange(decade + Math.log10(m))) ticks.push(decade + Math.log10(m));
  }
  return ticks;
}

/**
 * A tick's label: at most 4 significant digits, exponent notation (one decimal) for values of
 * 10^4 and more or below 10^-3.
 *
 * @example
 * formatTick(0.30000000000000004); // '0.3'
 * formatTick(25000); // '2.5e+4'
 *
 * In plain words: write the axis number short.
 */
export function formatTick(value: number): string {
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-3 && value !== 0)
    ? value.toExponential(1)
    : String(Number(value.toPrecision(4)));
}
