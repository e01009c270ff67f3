import type * as tf from '@tensorflow/tfjs-core';
import type { FitOptions, Layer, Pitfall } from '@baihua/core';

/** One training run of a case: a fresh model, its data and fit's options (diagnostics are added by the runner). */
export interface TrainingSetup {
  /** How the run differs from its twin, for people: "sigmoid, Glorot init". */
  label: string;
  model: Layer;
  train: { x: tf.Tensor; y: tf.Tensor };
  validation?: { x: tf.Tensor; y: tf.Tensor };
  options: Omit<FitOptions, 'callbacks' | 'validationData' | 'progress'>;
  /** Frees the data, the model and the optimiser. */
  dispose(): void;
}

/**
 * One row of the seed's pitfalls table (避坑指南) made to happen on purpose: a failing setup that
 * diagnose() should find as `pitfall`, and the same setup with the seed's cure applied, which
 * should come out healthy. Setups are built on demand (fresh, seeded models each call).
 *
 * In plain words: one mistake from the seed's list, and the same training with the mistake fixed.
 */
export interface TrainingCase {
  name: string;
  pitfall: Pitfall;
  /** Training steps per diagnostics interval. */
  every: number;
  /** A weight to snapshot at chosen epochs (for the heat-map strip). */
  snapshot?: { layer: string; weight?: string; epochs: number[] };
  failure(): TrainingSetup;
  cure(): TrainingSetup;
}
