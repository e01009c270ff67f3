import { createRandom } from '@baihua/core';

/**
 * The threshold with the best accuracy on the pairs `rows` (predict "same" when distance <= it):
 * -Infinity (accept nothing) or one of their distances, the smallest on ties; and that accuracy.
 *
 * @example
 * bestThreshold([0.2, 0.4, 0.6], [1, 0, 1], [0, 1, 2]); // { threshold: 0.2, accuracy: 2/3 } (0.6 ties; smaller wins)
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
    if (correct > best.correct) best = { threshold: d, correct };
  }
  return { threshold: best.threshold, accuracy: best.correct / rows.length };
}

/**
 * Accuracy by k-fold cross-validation, the LFW protocol: the pairs are dealt into `folds` folds
 * from a seeded shuffle (positives first, then negatives, round-robin, so every fold holds about
 * the same share of each); for each fold the {@link bestThreshold} of the other folds is applied
 * to it. Returns the folds' accuracies, their mean and population standard deviation (as LFW
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
  const random = createRandom(seed);
  const all = Array.from({ length: distances.length }, (_, i) => i);
  const dealt = [...random.shuffle(all.filter((i) => same[i])), ...random.shuffle(all.filter((i) => !same[i]))];
  const foldOf = new Int32Array(distances.length);
  dealt.forEach((row, k) => {
    foldOf[row] = k % folds;
  });
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
