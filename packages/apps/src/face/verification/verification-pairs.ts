import { ArgumentError, assertKnownOptions, assertPositive, assertPositiveInteger, createRandom } from '@baihua/core';

const fn = 'verificationPairs';

/** Options of {@link verificationPairs}. */
export interface VerificationPairsOptions {
  /** Negative pairs per positive pair (rounded to the nearest count). Default 1. */
  negativesPerPositive?: number;
  /** At most this many positive pairs: a seeded sample without repetition when there are more. Default: all. */
  maxPairs?: number;
  /** Seed of the sampling. Default 0. */
  seed?: number;
}

/** Row pairs to verify: `first[i]`, `second[i]` are row indices, `same[i]` is 1 for one identity, else 0. */
export interface VerificationPairList {
  first: Int32Array;
  second: Int32Array;
  same: Uint8Array;
}

/**
 * Verification pairs from integer identity labels (one per row, length >= 2): every positive pair
 * (rows i < j with one label, in row order; at most `maxPairs`, a seeded sample) followed by
 * `round(negativesPerPositive * positives)` negative pairs (different labels, i < j), sampled
 * without repetition from all negative pairs. Deterministic for a seed.
 *
 * @example
 * verificationPairs([0, 0, 1, 1], { negativesPerPositive: 2 });
 * // { first: [0, 2, ...], second: [1, 3, ...], same: [1, 1, 0, 0, 0, 0] }
 *
 * In plain words: which faces to compare, some of the same person and some of different people.
 */
export function verificationPairs(
  labels: ArrayLike<number>,
  options: VerificationPairsOptions = {},
): VerificationPairList {
  assertKnownOptions(fn, 'options', options, ['negativesPerPositive', 'maxPairs', 'seed']);
  const { negativesPerPositive = 1, maxPairs, seed = 0 } = options;
  assertPositive(fn, 'options.negativesPerPositive', negativesPerPositive);
  if (maxPairs !== undefined) assertPositiveInteger(fn, 'options.maxPairs', maxPairs);
  if (typeof seed !== 'number' || !Number.isInteger(seed))
    throw new ArgumentError(fn, `expected options.seed to be an integer, got ${String(seed)}`);
  const n = labels?.length;
  if (typeof n !== 'number' || n < 2)
    throw new ArgumentError(fn, `expected labels to be an array of at least 2 labels, got length ${String(n)}`);
  for (let i = 0; i < n; i++)
    if (!Number.isInteger(labels[i]))
      throw new ArgumentError(fn, `expected labels to be integers, got labels[${i}] = ${String(labels[i])}`);
  const random = createRandom(seed);
  let positives: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (labels[i] === labels[j]) positives.push([i, j]);
  if (positives.length === 0)
    throw new ArgumentError(fn, 'expected labels with a repeated identity (a positive pair), got none');
  const totalNegatives = (n * (n - 1)) / 2 - positives.length;
  if (totalNegatives === 0)
    throw new ArgumentError(fn, 'expected labels of at least 2 identities (a negative pair), got one');
  if (maxPairs !== undefined && positives.length > maxPairs)
    positives = sample(positives.length, maxPairs, random.integer)
      .sort((a, b) => a - b)
      .map((k) => positives[k] as [number, number]);
  const wanted = Math.round(negativesPerPositive * positives.length);
  if (wanted > totalNegatives)
    throw new ArgumentError(
      fn,
      `expected options.negativesPerPositive * ${positives.length} positives <= ${totalNegatives} negative pairs, ` +
        `got ${negativesPerPositive} (${wanted} pairs)`,
    );
  const negatives = sampleNegatives(labels, totalNegatives, wanted, random.integer);
  const all = [...positives, ...negatives];
  return {
    first: Int32Array.from(all, ([i]) => i),
    second: Int32Array.from(all, ([, j]) => j),
    same: Uint8Array.from(all, (_, k) => (k < positives.length ? 1 : 0)),
  };
}

/** `count` distinct integers of [0, total) in draw order (a partial Fisher-Yates over a sparse map). */
function sample(total: number, count: number, integer: (n: number) => number): number[] {
  const moved = new Map<number, number>();
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const r = k + integer(total - k);
    const picked = moved.get(r) ?? r;
    moved.set(r, moved.get(k) ?? k);
    out.push(picked);
  }
  return out;
}

/** `count` distinct negative pairs [i, j], i < j: drawn by rejection when sparse, else by index. */
function sampleNegatives(
  labels: ArrayLike<number>,
  total: number,
  count: number,
  integer: (n: number) => number,
): [number, number][] {
  const n = labels.length;
  if (count <= total / 2) {
    const seen = new Set<number>();
    const out: [number, number][] = [];
    while (out.length < count) {
      const a = integer(n);
      const b = integer(n);
      const [i, j] = a < b ? [a, b] : [b, a];
      if (labels[i] === labels[j] || seen.has(i * n + j)) continue;
      seen.add(i * n + j);
      out.push([i, j]);
    }
    return out;
  }
  const all: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (labels[i] !== labels[j]) all.push([i, j]);
  return sample(total, count, integer).map((k) => all[k] as [number, number]);
}
