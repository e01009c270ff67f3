import { ArgumentError, assertInRange, assertKnownOptions } from '@baihua/core';
import { foldAccuracy, bestThreshold } from './fold-accuracy.js';
import { equalErrorRate, rocCurve, type RocCurve, tarAtFar } from './roc-curve.js';

const fn = 'verificationReport';

/** Options of {@link verificationReport}. */
export interface VerificationReportOptions {
  /** Cross-validation folds, 2..pairs. Default 10 (LFW). */
  folds?: number;
  /** The false accept rate of `tarAtFar`, in (0, 1). Default 1e-3. */
  far?: number;
  /** Seed of the fold assignment. Default 0. */
  seed?: number;
}

/** What {@link verificationReport} measures; every rate is a fraction in [0, 1]. */
export interface VerificationResult {
  /** P(a random positive pair is closer than a random negative one), ties 1/2. */
  auc: number;
  /** Equal error rate (FAR = FRR), interpolated on the ROC. */
  eer: number;
  /** Smallest ROC threshold with FAR >= FRR. */
  eerThreshold: number;
  /** Mean accuracy over the folds, each fold scored at the best threshold of the other folds. */
  accuracy: number;
  /** Population standard deviation of the folds' accuracies. */
  accuracyStd: number;
  /**
   * The best-accuracy threshold on all pairs (predict "same" when distance <= threshold), midway
   * between the last accepted distance and the next one.
   */
  threshold: number;
  /** Highest TAR with FAR <= `far`; NaN with fewer than 1 / far negatives. */
  tarAtFar: number;
  far: number;
  positives: number;
  negatives: number;
  /** One point per distinct distance, ascending, after (0, 0) at threshold -Infinity. */
  roc: RocCurve;
}

/**
 * Scores a distance-based verifier on labelled pairs: `distances` (P + N finite numbers, e.g. from
 * {@link pairDistances}) and `same` (1/true for a positive pair, 0/false for a negative, as many).
 * A pair is predicted "same" when its distance <= the threshold. Gives the ROC over every distinct
 * distance, AUC (exact Mann-Whitney count), EER, the LFW protocol's k-fold accuracy (threshold chosen
 * on the other folds; folds dealt from `seed`), the best threshold on all pairs, and TAR at FAR = `far`.
 * Needs at least one positive and one negative pair, and at least `folds` pairs (10 by default). TAR at
 * FAR needs at least 1 / far negatives (1000 for 1e-3): with fewer it is NaN rather than an error, so
 * the rest of a small report still comes back.
 *
 * @example
 * const report = verificationReport(await pairDistances(embeddings, pairs), pairs.same);
 * report.auc; // 0.98
 *
 * In plain words: how well "close means same person" works, in the numbers face papers report.
 */
export function verificationReport(
  distances: ArrayLike<number>,
  same: ArrayLike<number | boolean>,
  options: VerificationReportOptions = {},
): VerificationResult {
  assertKnownOptions(fn, 'options', options, ['folds', 'far', 'seed']);
  const { folds = 10, far = 1e-3, seed = 0 } = options;
  if (distances?.length === undefined || same?.length === undefined || distances.length !== same.length)
    throw new ArgumentError(
      fn,
      `expected distances and same of one length, got ${distances?.length} and ${same?.length}`,
    );
  for (let i = 0; i < distances.length; i++)
    if (!Number.isFinite(distances[i]))
      throw new ArgumentError(fn, `expected distances to be finite numbers, got distances[${i}] = ${distances[i]}`);
  let positives = 0;
  for (let i = 0; i < same.length; i++) if (same[i]) positives++;
  if (positives === 0 || positives === same.length)
    throw new ArgumentError(
      fn,
      `expected same to hold positive and negative pairs, ` +
        `got ${positives} positives and ${same.length - positives} negatives`,
    );
  if (typeof folds !== 'number' || !Number.isInteger(folds) || folds < 2 || folds > distances.length)
    throw new ArgumentError(fn, `expected options.folds to be an integer in [2, ${distances.length}], got ${folds}`);
  assertInRange(fn, 'options.far', far, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  if (typeof seed !== 'number' || !Number.isInteger(seed))
    throw new ArgumentError(fn, `expected options.seed to be an integer, got ${String(seed)}`);
  const { auc, negatives, ...roc } = rocCurve(distances, same);
  const { eer, threshold: eerThreshold } = equalErrorRate(roc);
  const cross = foldAccuracy(distances, same, folds, seed);
  const rows = Array.from({ length: distances.length }, (_, i) => i);
  return {
    auc,
    eer,
    eerThreshold,
    accuracy: cross.mean,
    accuracyStd: cross.std,
    threshold: bestThreshold(distances, same, rows).threshold,
    tarAtFar: tarAtFar(roc, negatives, far),
    far,
    positives,
    negatives,
    roc: { far: roc.far, tar: roc.tar, thresholds: roc.thresholds },
  };
}
