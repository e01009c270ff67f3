/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * platform and backend, since it runs in plain JavaScript.
 *
 * @example
 * const rng = createRandom(42);
 * rng.next();         // uniform in [0, 1)
 * rng.normal();       // standard normal (Box-Muller)
 * rng.shuffle([1, 2, 3]);
 *
 * In plain words: dice that always roll the same numbers for the same seed.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal, mean 0, variance 1. */
  normal(): number;
  /** Integer in [0, n). */
  integer(n: number): number;
  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
}

export function createRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - next(); // (0, 1]: log stays finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const integer = (n: number): number => Math.floor(next() * n);
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = integer(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  };
  return { next, normal, integer, shuffle };
}
