import { createRandom } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { verificationReport } from '../index.js';
import { foldAssignment } from './fold-accuracy.js';

// Independent O(P * N) and O(n^2) references, written from the definitions.
function bruteAuc(d: number[], same: number[]): number {
  let sum = 0;
  let count = 0;
  d.forEach((p, i) => {
    if (!same[i]) return;
    d.forEach((n, j) => {
      if (same[j]) return;
      sum += p < n ? 1 : p === n ? 0.5 : 0;
      count++;
    });
  });
  return sum / count;
}

function rates(d: number[], same: number[], t: number, rows = d.map((_, i) => i)) {
  const pos = rows.filter((i) => same[i]);
  const neg = rows.filter((i) => !same[i]);
  const tp = pos.filter((i) => (d[i] as number) <= t).length;
  const fp = neg.filter((i) => (d[i] as number) <= t).length;
  return { tar: tp / pos.length, far: fp / neg.length, correct: tp + neg.length - fp };
}

function bruteBest(d: number[], same: number[], rows: number[]): number {
  let best = { t: -Infinity, correct: rates(d, same, -Infinity, rows).correct };
  const sorted = [...new Set(rows.map((i) => d[i] as number))].sort((a, b) => a - b);
  sorted.forEach((t, k) => {
    const { correct } = rates(d, same, t, rows);
    if (correct > best.correct) best = { t: (t + (sorted[k + 1] ?? t)) / 2, correct };
  });
  return best.t;
}

/** Tied, overlapping distances: positives around 1, negatives around 1.8, on a 0.05 grid. */
function randomPairs(positives: number, negatives: number, seed: number) {
  const random = createRandom(seed);
  const same = [...Array(positives).fill(1), ...Array(negatives).fill(0)] as number[];
  const d = same.map((s) => Math.max(0, Math.round(((s ? 1 : 1.8) + 0.4 * random.normal()) * 20) / 20));
  return { d, same };
}

describe('verificationReport', () => {
  test('hand-made case with a tie between a positive and a negative', () => {
    const r = verificationReport([0.1, 0.5, 0.5, 0.9], [1, 1, 0, 0], { folds: 2 });
    expect(r.roc).toEqual({ far: [0, 0, 0.5, 1], tar: [0, 0.5, 1, 1], thresholds: [-Infinity, 0.1, 0.5, 0.9] });
    expect(r.auc).toBe(0.875); // (2 + 1 + 0.5) / 4: the tied pair counts 1/2
    // FAR - FRR: -1, -0.5, +0.5: half-way along the tie step, FAR = FRR = 0.25.
    expect(r.eer).toBeCloseTo(0.25, 12);
    expect(r.eerThreshold).toBe(0.5);
    expect(r.threshold).toBe(0.3); // accepting up to 0.1 gets 3 of 4 right (as up to 0.5: the smaller wins)
    expect([r.positives, r.negatives, r.far]).toEqual([2, 2, 1e-3]);
    expect(r.tarAtFar).toBeNaN(); // 2 negatives cannot resolve FAR = 1e-3
  });

  test('all distances tied: one ROC step, AUC 1/2, EER 1/2; perfect and reversed separation', () => {
    const tied = verificationReport([1, 1, 1, 1], [true, false, true, false], { folds: 2 });
    expect(tied.roc.far).toEqual([0, 1]);
    expect(tied.roc.tar).toEqual([0, 1]);
    expect([tied.auc, tied.eer]).toEqual([0.5, 0.5]);
    const perfect = verificationReport([0.1, 0.2, 0.3, 0.8, 0.9, 1], [1, 1, 1, 0, 0, 0], { folds: 3, far: 0.5 });
    expect([perfect.auc, perfect.eer, perfect.eerThreshold, perfect.threshold]).toEqual([1, 0, 0.3, 0.55]);
    expect([perfect.accuracy, perfect.accuracyStd, perfect.tarAtFar]).toEqual([1, 0, 1]);
    const reversed = verificationReport([0.8, 0.9, 1, 0.1, 0.2, 0.3], [1, 1, 1, 0, 0, 0], { folds: 3 });
    expect([reversed.auc, reversed.eer, reversed.threshold]).toEqual([0, 1, -Infinity]);
  });

  test('ROC, AUC and EER equal brute-force references on random tied data', () => {
    for (const seed of [1, 2, 3]) {
      const { d, same } = randomPairs(37 * seed, 53, seed);
      const r = verificationReport(d, same, { folds: 5, seed });
      expect(r.auc).toBeCloseTo(bruteAuc(d, same), 12);
      const thresholds = [...new Set(d)].sort((a, b) => a - b);
      expect(r.roc.thresholds).toEqual([-Infinity, ...thresholds]);
      r.roc.thresholds.forEach((t, i) => {
        const { tar, far } = rates(d, same, t);
        expect([r.roc.tar[i], r.roc.far[i]]).toEqual([tar, far]);
      });
      // AUC is the trapezoid area under the ROC (ties as diagonal steps).
      let area = 0;
      for (let i = 1; i < r.roc.far.length; i++)
        area +=
          (((r.roc.far[i] as number) - (r.roc.far[i - 1] as number)) *
            ((r.roc.tar[i] as number) + (r.roc.tar[i - 1] as number))) /
          2;
      expect(r.auc).toBeCloseTo(area, 12);
      // EER: FAR < FRR just below eerThreshold, FAR >= FRR at it, and eer lies between those rates.
      const at = rates(d, same, r.eerThreshold);
      const below = rates(d, same, thresholds[thresholds.indexOf(r.eerThreshold) - 1] ?? -Infinity);
      expect(below.far).toBeLessThan(1 - below.tar);
      expect(at.far).toBeGreaterThanOrEqual(1 - at.tar);
      expect(r.eer).toBeGreaterThanOrEqual(Math.min(below.far, 1 - at.tar) - 1e-12);
      expect(r.eer).toBeLessThanOrEqual(Math.max(at.far, 1 - below.tar) + 1e-12);
      expect(r.threshold).toBe(
        bruteBest(
          d,
          same,
          d.map((_, i) => i),
        ),
      );
    }
  });

  test('k-fold accuracy equals a brute-force cross-validation on the same balanced folds', () => {
    const { d, same } = randomPairs(60, 140, 7);
    for (const [folds, seed] of [
      [10, 0],
      [4, 9],
    ] as const) {
      const foldOf = foldAssignment(same, folds, seed);
      for (let f = 0; f < folds; f++) {
        const members = same.filter((_, i) => foldOf[i] === f);
        expect(members.length).toBeGreaterThanOrEqual(Math.floor(200 / folds));
        expect(members.length).toBeLessThanOrEqual(Math.ceil(200 / folds));
        expect(Math.abs(members.filter((s) => s).length - 60 / folds)).toBeLessThanOrEqual(1);
      }
      const accuracies = Array.from({ length: folds }, (_, f) => {
        const train = d.map((_, i) => i).filter((i) => foldOf[i] !== f);
        const test = d.map((_, i) => i).filter((i) => foldOf[i] === f);
        const t = bruteBest(d, same, train);
        return test.filter((i) => (d[i] as number) <= t === Boolean(same[i])).length / test.length;
      });
      const mean = accuracies.reduce((a, b) => a + b) / folds;
      const std = Math.sqrt(accuracies.reduce((a, b) => a + (b - mean) ** 2, 0) / folds);
      const r = verificationReport(d, same, { folds, seed });
      expect(r.accuracy).toBeCloseTo(mean, 12);
      expect(r.accuracyStd).toBeCloseTo(std, 12);
      expect(r.accuracy).toBeGreaterThan(0.75);
      expect(r.accuracy).toBeLessThan(1);
    }
    // Another seed deals other folds.
    expect(foldAssignment(same, 10, 1)).not.toEqual(foldAssignment(same, 10, 0));
  });

  test('TAR at FAR: the highest TAR with FAR <= far, NaN with fewer than 1 / far negatives', () => {
    // Negatives at 1, 2, ..., 1000; positives at 0.5, 1.5, 2.5 and 1000.5.
    const negatives = Array.from({ length: 1000 }, (_, i) => i + 1);
    const d = [0.5, 1.5, 2.5, 1000.5, ...negatives];
    const same = d.map((_, i) => (i < 4 ? 1 : 0));
    expect(verificationReport(d, same).tarAtFar).toBe(0.5); // one false accept allowed: up to 1.5
    expect(verificationReport(d, same, { far: 2e-3 }).tarAtFar).toBe(0.75);
    expect(verificationReport(d.slice(0, -1), same.slice(0, -1)).tarAtFar).toBeNaN(); // 999 negatives
    const random = randomPairs(300, 2000, 11);
    const r = verificationReport(random.d, random.same, { far: 1e-3 });
    const brute = Math.max(
      ...[-Infinity, ...random.d]
        .map((t) => rates(random.d, random.same, t))
        .filter((x) => x.far <= 1e-3 + 1e-15)
        .map((x) => x.tar),
    );
    expect(r.tarAtFar).toBe(brute);
    expect(r.tarAtFar).toBeGreaterThan(0);
  });
});
