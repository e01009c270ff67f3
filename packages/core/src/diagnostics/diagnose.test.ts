// diagnose on hand-written records: each pitfall of the seed's table found with its evidence and
// cure, a healthy record with no finding, the thresholds configurable and checked.
import { describe, expect, test } from 'vitest';
import type { DiagnosticsRecord, EpochFigures, IntervalFigures } from './diagnostics-record.js';
import { diagnose } from './diagnose.js';

/** A healthy interval: gradient norms of the same order in both layers, nothing dead, balanced classes. */
function interval(i: number, changes: Partial<IntervalFigures> = {}): IntervalFigures {
  return {
    epoch: i,
    step: 10 * i + 9,
    steps: 10,
    loss: 1 / (i + 1),
    gradientNorm: 0.5,
    maxGradientNorm: 0.8,
    layerGradientNorms: { dense_1: 0.2, dense_2: 0.3 },
    layerWeightNorms: { dense_1: 3, dense_2: 2 },
    layerUpdateRatios: { dense_1: 0.01, dense_2: 0.01 },
    deadUnitFractions: { dense_1: 0.1 },
    nonFiniteSteps: 0,
    predictedClasses: [30, 35, 35],
    labelClasses: [33, 33, 34],
    ...changes,
  };
}

function record(
  intervals: (i: number) => Partial<IntervalFigures> = () => ({}),
  epochs: (i: number) => Partial<EpochFigures> = () => ({}),
): DiagnosticsRecord {
  return {
    model: 'mlp',
    layers: ['dense_1', 'dense_2'],
    every: 10,
    intervals: Array.from({ length: 6 }, (_, i) => interval(i, intervals(i))),
    epochs: Array.from({ length: 6 }, (_, i) => ({
      epoch: i,
      loss: 1 / (i + 1),
      valLoss: 1.1 / (i + 1),
      ...epochs(i),
    })),
    snapshots: [],
  };
}

describe('diagnose', () => {
  test('a healthy record: no finding', () => {
    expect(diagnose(record())).toEqual([]);
  });

  test('dead units: the fraction never fired in each of the last intervals, message in the seed form', () => {
    const findings = diagnose(
      record((i) => ({ deadUnitFractions: { dense_1: i < 3 ? 0.2 : ([0.62, 0.7, 0.65][i - 3] as number) } })),
    );
    expect(findings).toEqual([
      {
        pitfall: 'dead-units',
        layer: 'dense_1',
        epochs: [3, 5],
        evidence: '62% of units never fired in epochs 3-5',
        cure: 'LeakyReLU or ELU',
        message: "dense_1: 62% of units never fired in epochs 3-5 (dead units); the seed's cure: LeakyReLU or ELU",
      },
    ]);
    // One recent interval below the threshold: not dead for good.
    expect(diagnose(record((i) => ({ deadUnitFractions: { dense_1: i === 4 ? 0.3 : 0.9 } })))).toEqual([]);
  });

  test("vanishing gradients: the first layer gets < 1e-3 of the last layer's gradient, sustained", () => {
    const vanishing = (i: number) => ({ layerGradientNorms: { dense_1: i < 2 ? 0.1 : 2e-5, dense_2: 0.3 } });
    const [found] = diagnose(record(vanishing));
    expect(found?.pitfall).toBe('vanishing-gradients');
    expect(found?.layer).toBe('dense_1');
    expect(found?.message).toBe(
      "dense_1: gradient norm at most 6.7e-5 x the last layer's (dense_2) in epochs 3-5 (threshold 0.001) " +
        "(vanishing gradients); the seed's cure: ReLU-family activations, residual connections or normalisation",
    );
    expect(diagnose(record(vanishing), { vanishingRatio: 1e-5 })).toEqual([]);
  });

  test('exploding gradients: the norm grows by orders of magnitude, or NaN steps follow growth', () => {
    const growing = diagnose(record((i) => ({ gradientNorm: 0.5 * 10 ** i, maxGradientNorm: 0.8 * 10 ** i })));
    expect(growing.map((f) => f.pitfall)).toEqual(['exploding-gradients']);
    expect(growing[0]?.message).toBe(
      'global gradient norm grew from 0.5 (first interval) to 8.0e+4 (step 59) (exploding gradients); ' +
        "the seed's cure: gradient clipping (clipNorm or clipValue)",
    );
    const thenNaN = (i: number) =>
      i < 4
        ? { gradientNorm: 0.5 * 5 ** i, maxGradientNorm: 0.6 * 5 ** i }
        : { gradientNorm: Number.NaN, maxGradientNorm: Number.NaN, loss: Number.NaN, nonFiniteSteps: 10 };
    const found = diagnose(record(thenNaN, (i) => (i >= 4 ? { loss: Number.NaN } : {})));
    expect(found.map((f) => f.pitfall)).toEqual(['exploding-gradients']);
    expect(found[0]?.evidence).toContain('then 10 non-finite steps');
  });

  test('non-finite loss: NaN steps with no growth before them (an unstable softmax, not an explosion)', () => {
    const found = diagnose(record((i) => (i >= 4 ? { nonFiniteSteps: 3 } : {})));
    expect(found.map((f) => f.pitfall)).toEqual(['non-finite-loss']);
    expect(found[0]?.message).toBe(
      '6 steps with a NaN or infinite loss or gradient from step 49 (epoch 4) with no gradient growth before them ' +
        "(non-finite loss); the seed's cure: a numerically stable softmax, Softmax(z - max(z)) (log-sum-exp)",
    );
    // A record saved as JSON holds null for NaN: still found.
    const saved = JSON.parse(
      JSON.stringify(
        record(
          () => ({}),
          (i) => (i === 5 ? { loss: Number.NaN } : {}),
        ),
      ),
    );
    expect(diagnose(saved).map((f) => f.pitfall)).toEqual(['non-finite-loss']);
    // The first layer's norms NaN, saved as null: not mistaken for a vanishing (0) gradient.
    const nan = record((i) => ({ layerGradientNorms: { dense_1: Number.NaN, dense_2: 0.3 }, nonFiniteSteps: i }));
    expect(diagnose(JSON.parse(JSON.stringify(nan))).map((f) => f.pitfall)).toEqual(['non-finite-loss']);
  });

  test('overfitting: validation loss rising while training loss falls, gap above 1.5x for 3 epochs', () => {
    const curves = (i: number) => ({ loss: 1 / (i + 1), valLoss: i < 3 ? 1.1 / (i + 1) : 0.5 + 0.1 * i });
    const [found] = diagnose(record(undefined, curves));
    expect(found?.message).toBe(
      'validation loss rose from 0.8 to 1 while training loss fell from 0.25 to 0.167 in epochs 3-5 ' +
        "(validation/training 6x) (overfitting); the seed's cure: Dropout + L2 regularisation (weightDecay)",
    );
    expect(diagnose(record(undefined, curves), { overfittingGap: 10 })).toEqual([]);
    expect(diagnose(record(undefined, curves), { overfittingEpochs: 5 })).toEqual([]); // val fell at first
  });

  test('class imbalance: a majority class in the labels, the other classes under-predicted', () => {
    const skewed = () => ({ labelClasses: [80, 10, 10], predictedClasses: [95, 3, 2] });
    const [found] = diagnose(record(skewed));
    expect(found?.message).toBe(
      'class 0 has 8x the labels of the average other class, and the other classes were predicted 25% as often ' +
        "as they occur in epochs 3-5 (class imbalance); the seed's cure: " +
        'weighted cross-entropy (classWeights) + focal loss',
    );
    // Imbalanced labels, but the minority classes predicted as often as they occur: no favouring of the majority.
    expect(diagnose(record(() => ({ labelClasses: [80, 10, 10], predictedClasses: [79, 11, 10] })))).toEqual([]);
    expect(diagnose(record(skewed), { imbalanceRatio: 10 })).toEqual([]);
  });

  test('refuses unknown thresholds, bad values and anything but a record', () => {
    expect(() => diagnose(record(), { deadUnitFractoin: 0.5 } as never)).toThrow(
      "diagnose: unknown key 'deadUnitFractoin' in thresholds (did you mean 'deadUnitFraction'?",
    );
    expect(() => diagnose(record(), { recentIntervals: 0 })).toThrow(
      'diagnose: expected recentIntervals to be a positive integer, got 0',
    );
    expect(() => diagnose(record(), { vanishingRatio: -1 })).toThrow('diagnose: expected vanishingRatio > 0, got -1');
    expect(() => diagnose({} as never)).toThrow('diagnose: expected a record from trainingDiagnostics(...).record()');
  });
});
