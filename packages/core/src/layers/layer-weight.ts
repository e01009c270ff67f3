import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from './layer.js';

/**
 * One named weight of a layer: a tf.Variable plus what training should do with it.
 * `path` (`dense_1/kernel`) names it in summaries and saved files.
 *
 * @example
 * const kernel = dense.weight('kernel');
 * kernel.read();            // the tf.Variable (do not dispose it)
 * kernel.assign(newValues); // copies values in (shape must match)
 *
 * In plain words: one labelled knob of a layer.
 */
export class LayerWeight {
  readonly layer: Layer;
  readonly name: string;
  readonly variable: tf.Variable;
  /** Updated by the optimiser (false for running statistics). */
  readonly trainable: boolean;
  /** Subject to L2 weight decay in `fit`. */
  readonly regularize: boolean;

  constructor(layer: Layer, name: string, variable: tf.Variable, flags: { trainable: boolean; regularize: boolean }) {
    this.layer = layer;
    this.name = name;
    this.variable = variable;
    this.trainable = flags.trainable;
    this.regularize = flags.regularize;
  }

  /** `layerName/weightName`. */
  get path(): string {
    return `${this.layer.name}/${this.name}`;
  }

  get shape(): number[] {
    return this.variable.shape;
  }

  /** The variable itself, for use in computations (owned by the layer: do not dispose). */
  read(): tf.Variable {
    return this.variable;
  }

  /** Copies `value` into the variable (same shape; cast to float32). */
  assign(value: tf.Tensor): void {
    tf.tidy(() => this.variable.assign(value.dtype === 'float32' ? tf.clone(value) : tf.cast(value, 'float32')));
  }
}
