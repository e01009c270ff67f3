import { assertKnownOptions } from '../checks/option-keys.js';
import { assertPositive, assertPositiveInteger } from '../checks/value-checks.js';

/**
 * The thresholds of {@link diagnose}; every one optional (defaults below).
 *
 * | threshold         | default | a finding when                                                     |
 * |-------------------|---------|--------------------------------------------------------------------|
 * | recentIntervals   | 3       | (window) the last N intervals: evidence of dead units, vanishing   |
 * |                   |         | gradients and class imbalance                                      |
 * | deadUnitFraction  | 0.5     | a ReLU layer's never-fired fraction >= this in each of those       |
 * | vanishingRatio    | 1e-3    | first layer's gradient norm < this x the last's in each of those   |
 * | explodingNorm     | 1e3     | a step's global gradient norm exceeds this (maxGradientNorm)       |
 * | explodingGrowth   | 1e3     | the global gradient norm grew by this factor from the first interval |
 * | overfittingEpochs | 3       | over the last N epochs the training loss fell, the validation rose |
 * | overfittingGap    | 1.5     | ... and valLoss / loss >= this in each of those epochs             |
 * | imbalanceRatio    | 5       | the majority class has >= this x the labels of the mean other class |
 * | minorityCoverage  | 0.8     | ... and the other classes are predicted <= this x as often as they occur |
 */
export interface DiagnoseThresholds {
  recentIntervals?: number;
  deadUnitFraction?: number;
  vanishingRatio?: number;
  explodingNorm?: number;
  explodingGrowth?: number;
  overfittingEpochs?: number;
  overfittingGap?: number;
  imbalanceRatio?: number;
  minorityCoverage?: number;
}

/** The defaults of {@link DiagnoseThresholds} (the table there). */
export const defaultThresholds: Required<DiagnoseThresholds> = {
  recentIntervals: 3,
  deadUnitFraction: 0.5,
  vanishingRatio: 1e-3,
  explodingNorm: 1e3,
  explodingGrowth: 1e3,
  overfittingEpochs: 3,
  overfittingGap: 1.5,
  imbalanceRatio: 5,
  minorityCoverage: 0.8,
};

/** Checks the thresholds (known keys; counts positive integers, the rest positive numbers); fills defaults. */
export function checkThresholds(thresholds: DiagnoseThresholds = {}): Required<DiagnoseThresholds> {
  assertKnownOptions('diagnose', 'thresholds', thresholds, Object.keys(defaultThresholds));
  const all = { ...defaultThresholds, ...thresholds };
  for (const [key, value] of Object.entries(all)) {
    if (key === 'recentIntervals' || key === 'overfittingEpochs') assertPositiveInteger('diagnose', key, value);
    else assertPositive('diagnose', key, value);
  }
  return all;
}
