/**
 * What the training diagnostics record (see trainingDiagnostics): plain JSON numbers, no tensors,
 * so a record can be kept, saved, plotted (gradientFlowChart, ...) and diagnosed (diagnose) after
 * training. Figures are per interval of `every` training steps; layers are named as in the model
 * and listed input side first.
 */
export interface DiagnosticsRecord {
  /** The watched model's name, so a record is not mixed up with another model's. */
  model: string;
  /** The watched layers (those with trainable weights, or the ones asked for), input side first. */
  layers: string[];
  /** Steps per interval. */
  every: number;
  /** One entry per completed interval, in order. */
  intervals: IntervalFigures[];
  /** One entry per epoch: the logs fit reported (loss, valLoss, accuracy, valAccuracy when measured). */
  epochs: EpochFigures[];
  /** Snapshots of one chosen 2-D weight at chosen epochs, for heat maps. */
  snapshots: WeightSnapshot[];
}

/** The figures of one interval of training steps (means over its steps unless said otherwise). */
export interface IntervalFigures {
  /** 0-based epoch and global step of the interval's last step. */
  epoch: number;
  step: number;
  /** Steps in this interval (the last one of training may be shorter). */
  steps: number;
  /** Mean training loss over the interval's steps. */
  loss: number;
  /** L2 norm of all raw gradients together (before weight decay and clipping): mean and max over the steps. */
  gradientNorm: number;
  maxGradientNorm: number;
  /** Per layer: L2 norm of its raw gradients (all its trainable weights together), mean over the steps. */
  layerGradientNorms: Record<string, number>;
  /** Per layer: L2 norm of its trainable weights at the interval's end. */
  layerWeightNorms: Record<string, number>;
  /** Per layer: ||W_end - W_start|| / ||W_start|| over the interval (how fast the layer moves). */
  layerUpdateRatios: Record<string, number>;
  /** Per ReLU-family layer: the fraction of its units that were never > 0 on any example of the interval. */
  deadUnitFractions: Record<string, number>;
  /** Steps whose loss or gradients were NaN or infinite. */
  nonFiniteSteps: number;
  /** Counts per class over the interval: the model's argmax and the labels (classification outputs only). */
  predictedClasses?: number[];
  labelClasses?: number[];
}

/** One epoch's logs as fit reported them. */
export interface EpochFigures {
  epoch: number;
  loss: number;
  valLoss?: number;
  accuracy?: number;
  valAccuracy?: number;
}

/** A weight's values at the end of an epoch, row-major. */
export interface WeightSnapshot {
  layer: string;
  weight: string;
  epoch: number;
  shape: [number, number];
  values: number[];
}

/** The pitfalls of the seed's table (避坑指南) that diagnose() can find. */
export type Pitfall =
  | 'non-finite-loss'
  | 'vanishing-gradients'
  | 'exploding-gradients'
  | 'dead-units'
  | 'overfitting'
  | 'class-imbalance';

/** One finding of diagnose(): the pitfall, where, the numbers that show it, and the seed's cure. */
export interface Finding {
  pitfall: Pitfall;
  /** The layer concerned, when the finding is about one. */
  layer?: string;
  /** The epochs (0-based, inclusive) the evidence comes from. */
  epochs: [number, number];
  /** The numbers, in words: "62% of units never fired in epochs 3-5". */
  evidence: string;
  /** The seed's cure: "LeakyReLU or ELU". */
  cure: string;
  /** One line for people: `${layer}: ${evidence} (${name of the pitfall}); the seed's cure: ${cure}`. */
  message: string;
}
