/** A ROC curve: FAR and TAR after accepting every pair with distance <= thresholds[i]. */
export interface RocCurve {
  far: number[];
  tar: number[];
  thresholds: number[];
}

/**
 * The ROC of distance-based verification, predicting "same" when distance <= threshold: one point
 * per distinct distance (ascending; equal distances form one step), after a first point (0, 0) at
 * threshold -Infinity, so the last point is (1, 1). TAR = accepted positives / P, FAR = accepted
 * negatives / N. Also the exact AUC by Mann-Whitney counting: the share of (positive, negative)
 * pairs whose positive is closer, ties counting 1/2 (equal to the trapezoid area under the ROC).
 * Inputs are checked by the caller (finite distances, P >= 1, N >= 1).
 *
 * @example
 * rocCurve([0.1, 0.5, 0.5, 0.9], [1, 1, 0, 0]).auc; // (2 + 0.5 + 1) / 4 = 0.875
 *
 * In plain words: how many true matches and false matches each threshold lets through.
 */
export function rocCurve(
  distances: ArrayLike<number>,
  same: ArrayLike<number | boolean>,
): RocCurve & { auc: number; positives: number; negatives: number } {
  const order = Array.from({ length: distances.length }, (_, i) => i).sort(
    (a, b) => (distances[a] as number) - (distances[b] as number),
  );
  let positives = 0;
  for (let i = 0; i < same.length; i++) if (same[i]) positives++;
  const negatives = distances.length - positives;
  const roc: RocCurve = { far: [0], tar: [0], thresholds: [-Infinity] };
  let [tp, fp, closerPairs] = [0, 0, 0];
  for (let k = 0; k < order.length; ) {
    const d = distances[order[k] as number] as number;
    let [p, n] = [0, 0];
    for (; k < order.length && distances[order[k] as number] === d; k++) {
      if (same[order[k] as number]) p++;
      else n++;
    }
    // Each positive here is closer than the negatives beyond this step and tied with the n here.
    closerPairs += p * (negatives - fp - n) + 0.5 * p * n;
    [tp, fp] = [tp + p, fp + n];
    roc.far.push(fp / negatives);
    roc.tar.push(tp / positives);
    roc.thresholds.push(d);
  }
  return { ...roc, auc: closerPairs / (positives * negatives), positives, negatives };
}

/**
 * The equal error rate: where FAR = FRR (FRR = 1 - TAR) on the ROC, linearly interpolated between
 * the last point with FAR < FRR and the first with FAR >= FRR (exact when a point has FAR = FRR).
 * `threshold` is that first point's threshold (the smallest ROC threshold with FAR >= FRR).
 *
 * @example
 * equalErrorRate({ far: [0, 0, 1], tar: [0, 0.5, 1], thresholds: [-Infinity, 0.2, 0.8] });
 * // FAR - FRR goes -1, -0.5, 1: crosses a third of the way to the last point -> { eer: 1/3, threshold: 0.8 }
 *
 * In plain words: the error rate at the threshold that lets in as many impostors as it turns away
 * genuine matches.
 */
export function equalErrorRate(roc: RocCurve): { eer: number; threshold: number } {
  const gap = (i: number) => (roc.far[i] as number) - (1 - (roc.tar[i] as number));
  let i = 0;
  while (gap(i) < 0) i++; // the last point has FAR = 1 >= FRR = 0
  const threshold = roc.thresholds[i] as number;
  if (i === 0 || gap(i) === 0) return { eer: roc.far[i] as number, threshold };
  const t = -gap(i - 1) / (gap(i) - gap(i - 1));
  const far = (roc.far[i - 1] as number) + t * ((roc.far[i] as number) - (roc.far[i - 1] as number));
  return { eer: far, threshold };
}

/**
 * The highest TAR on the ROC whose FAR <= `far`, or NaN when there are fewer than 1 / `far`
 * negatives (FAR moves in steps of 1 / N, so only FAR = 0 could be read: not a rate at `far`).
 *
 * @example
 * tarAtFar({ far: [0, 0, 0.5, 1], tar: [0, 0.5, 1, 1], thresholds: [-Infinity, 1, 2, 3] }, 2, 0.5); // 1
 *
 * In plain words: how many true matches get in while almost no impostor does.
 */
export function tarAtFar(roc: RocCurve, negatives: number, far: number): number {
  if (negatives * far < 1 - 1e-9) return Number.NaN;
  const allowed = Math.floor(negatives * far + 1e-9);
  let best = 0;
  roc.far.forEach((f, i) => {
    if (Math.round(f * negatives) <= allowed) best = Math.max(best, roc.tar[i] as number);
  });
  return best;
}
