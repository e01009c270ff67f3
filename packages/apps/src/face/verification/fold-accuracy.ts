import { createRandom } from '@baihua/core';

/**
 * The threshold with the best accuracy on the pairs `rows` (predict "same" when distance <= it), and
 * that accuracy. Accepting the pairs up to distance d scores the same for any threshold in
 * [d, next distance): the midpoint is taken (d itself for the largest distance; -Infinity when
 * accepting nothing is best). On ties between such ranges the smallest wins.
 *
 * @example
 * bestThreshold([0.2, 0.4, 0.6], [1, 0, 1], [0, 1, 2]); // { threshold: 0.3, accuracy: 2/3 } (0.6 ties; smaller wins)
 *
 * In plain words: the cut that sorts these pairs best.
 */
export function bestThreshold(
  distances: ArrayLike<number>,
  same: ArrayLike<number | boolean>,
  rows: readonly number[],
): { threshold: number; accuracy: number } {
  const order = [...rows].sort((a, b) => (distances[a] as number) - (distances[b] as number));
  const negatives = rows.reduce((n, r) => n + (same[r] ? 0 : 1), 0);
  // Accuracy at a threshold = (accepted positives + rejected negatives) / pairs.
  let correct = negatives;
  let best = { threshold: -Infinity, correct };
  for (let k = 0; k < order.length; ) {
    const d = distances[order[k] as number] as number;
    for (; k < order.length && distances[order[k] as number] === d; k++) correct += same[order[k] as number] ? 1 : -1;
    if (correct > best.correct) {
      const next = k < order.length ? (distances[order[k] as number] as number) : d;
      best = { threshold: (d + next) / 2, correct };
    }
  }
  return { threshold: best.threshold, accuracy: best.correct / rows.length };
}

/**
 * The fold of each pair: a seeded shuffle of the positives, then of the negatives, dealt round-robin
 * into `folds` folds, so fold sizes and their positive counts differ by at most one.
 *
 * @example
 * foldAssignment([1, 1, 0, 0], 2, 0); // e.g. Int32Array [1, 0, 0, 1]
 *
 * In plain words: deal the pairs into k even piles.
 */
export function foldAssignment(same: ArrayLike<number | boolean>, folds: number, seed: number): Int32Array {
  const random = createRandom(seed);
  const all = Array.from({ length: same.length }, (_, i) => i);
  const dealt = [...random.shuffle(all.filter((i) => same[i])), ...random.shuffle(all.filter((i) => !same[i]))];
  const foldOf = new Int32Array(same.length);
  dealt.forEach((row, k) => {
    foldOf[row] = k % folds;
  });
  return foldOf;
}

/**
 * Accuracy by k-fold cross-validation, the LFW protocol: the pairs are dealt into `folds` folds by
 * {@link foldAssignment} (seeded, balanced); each fold is scored at the {@link bestThreshold} of the
 * other folds. Returns the folds' accuracies, their mean and population standard deviation (as LFW
 * results are reported). Needs 2 <= folds <= pairs (checked by the caller).
 *
 * @example
 * foldAccuracy(distances, same, 10, 0); // { mean: 0.97, std: 0.01, accuracies: [...] }
 *
 * In plain words: pick the cut on most of the pairs, score it on the rest, ten times over.
 */
export function foldAccuracy(
  distances: ArrayLike<number>,
  same: ArrayLike<number | boolean>,
  folds: number,
  seed: number,
): { mean: number; std: number; accuracies: number[] } {
  const all = Array.from({ length: distances.length }, (_, i) => i);
  const foldOf = foldAssignment(same, folds, seed);
  const accuracies: number[] = [];
  for (let f = 0; f < folds; f++) {
    const { threshold } = bestThreshold(
      distances,
      same,
      all.filter((i) => foldOf[i] !== f),
    );
    const test = all.filter((i) => foldOf[i] === f);
    const correct = test.filter((i) => (distances[i] as number) <= threshold === Boolean(same[i])).length;
    accuracies.push(correct / test.length);
  }
  const mean = accuracies.reduce((s, a) => s + a, 0) / folds;
  const std = Math.sqrt(accuracies.reduce((s, a) => s + (a - mean) ** 2, 0) / folds);
  return { mean, std, accuracies };
}
