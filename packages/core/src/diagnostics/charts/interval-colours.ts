/** Early to late: light green to dark purple (viridis, its pale yellow end left out: too faint on white). */
const stops = [
  [181, 222, 43],
  [53, 183, 121],
  [38, 130, 142],
  [62, 73, 137],
  [68, 1, 84],
] as const;

/**
 * The colour of the k-th of `count` lines ordered in time: evenly spread from light green (first)
 * to dark purple (last), linear between five viridis colours. One line alone is dark purple.
 *
 * @example
 * intervalColour(0, 3); // '#b5de2b'
 * intervalColour(2, 3); // '#440154'
 *
 * In plain words: older lines pale and green, newer ones dark, so time reads as colour.
 */
export function intervalColour(k: number, count: number): string {
  const t = count <= 1 ? 1 : k / (count - 1);
  const at = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(at));
  const [from, to] = [stops[i], stops[i + 1]] as [readonly number[], readonly number[]];
  const mix = from.map((c, j) => Math.round(c + ((to[j] as number) - c) * (at - i)));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Which of `total` items to show when at most `most` fit: all of them, or `most` indices evenly
 * spread from the first to the last (the last alone when `most` is 1).
 *
 * @example
 * evenlyChosen(10, 4); // [0, 3, 6, 9]
 *
 * In plain words: a fair sample through time, always with the start and the end.
 */
export function evenlyChosen(total: number, most: number): number[] {
  if (total <= most) return Array.from({ length: total }, (_, i) => i);
  if (most === 1) return [total - 1];
  return Array.from({ length: most }, (_, i) => Math.round((i * (total - 1)) / (most - 1)));
}
