import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  registerLayerType,
} from '@baihua/core';

/** Options of {@link OnnxSelect}. */
export interface OnnxSelectOptions extends LayerOptions {
  /** The time step to take from x [batch, time, features]; negative counts from the end (-1: the last). */
  step: number;
  /** First feature kept. Default 0. */
  featureStart?: number;
  /** Features kept. Default: all from featureStart on. */
  featureCount?: number;
}

/**
 * Takes one time step and a run of features: y[b, f] = x[b, t, featureStart + f], t = step
 * (step + time when negative). The importer uses it for ONNX Gather on the time axis
 * (`output[:, -1]`) and for an RNN node's final state Y_h when the node's Y is read too (the
 * forward state is the last step of Y, the backward one the first step of Y's second half).
 * Shapes: [batch, time, features] -> [batch, featureCount]. dy/dx is zero off the taken entries.
 *
 * @example
 * new OnnxSelect({ step: -1 }).apply(tf.zeros([2, 5, 8])); // the last step: [2, 8]
 *
 * In plain words: read one column of the run sheet, or part of it.
 */
export class OnnxSelect extends Layer {
  readonly step: number;
  readonly featureStart: number;
  readonly featureCount: number | undefined;

  constructor(options: OnnxSelectOptions) {
    super(options, 'OnnxSelect', ['step', 'featureStart', 'featureCount']);
    this.step = options.step;
    this.featureStart = options.featureStart ?? 0;
    this.featureCount = options.featureCount;
    const integers = [this.step, this.featureStart, this.featureCount ?? 1];
    if (!integers.every(Number.isInteger) || this.featureStart < 0 || (this.featureCount ?? 1) < 1)
      throw new ArgumentError(
        'OnnxSelect',
        `expected an integer step, featureStart >= 0 and featureCount >= 1, got ${JSON.stringify(options)}`,
      );
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const [batch, time, features] = x.shape as [number, number, number];
    const step = this.step < 0 ? this.step + time : this.step;
    if (step < 0 || step >= time)
      throw new ArgumentError('OnnxSelect.apply', `expected step ${this.step} within ${time} time steps`);
    const count = this.featureCount ?? features - this.featureStart;
    return tf.reshape(tf.slice(x, [0, step, this.featureStart], [batch, 1, count]), [batch, count]);
  }

  override getConfig(): LayerConfig {
    const count = this.featureCount === undefined ? {} : { featureCount: this.featureCount };
    return { ...super.getConfig(), step: this.step, featureStart: this.featureStart, ...count };
  }
}

registerLayerType('OnnxSelect', (config) => new OnnxSelect(config as unknown as OnnxSelectOptions));
