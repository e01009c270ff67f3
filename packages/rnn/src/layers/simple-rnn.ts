import { ArgumentError, getActivation, type LayerConfig } from '@baihua/core';
import type { CellOptions } from '../cells/cell-weights.js';
import { ElmanCell } from '../cells/elman-cell.js';
import { RecurrentLayer, type RecurrentLayerOptions } from './recurrent-layer.js';

/** Options of {@link SimpleRNN}. It has no gate, so no `recurrentActivation` (an unknown-key error). */
export interface SimpleRnnOptions extends RecurrentLayerOptions {
  /** Default 'tanh' (a name, so the model can be saved). */
  activation?: 'tanh' | 'relu' | 'sigmoid' | 'linear' | (string & {});
}

/**
 * The Elman RNN as a core layer: h_t = act(x_t W + h_{t-1} U + b) ({@link ElmanCell}).
 * x [batch, time, features] -> [batch, units] or [batch, time, units] (returnSequences).
 * countParams() units (features + units + 1).
 *
 * @example
 * const model = new Sequential({ layers: [new SimpleRNN({ units: 16 }), new Dense({ units: 4 })] });
 * const y = model.apply(tf.ones([2, 5, 3])); // [2, 4]
 *
 * In plain words: the relay game of the seed, as one station of a model.
 */
export class SimpleRNN extends RecurrentLayer {
  readonly activation: string;
  constructor(options: SimpleRnnOptions) {
    super(options, 'SimpleRNN', ['activation']);
    this.activation = options.activation ?? 'tanh';
    if (typeof this.activation !== 'string')
      throw new ArgumentError('SimpleRNN', `expected activation to be a name, got ${typeof this.activation}`);
    getActivation(this.activation, 'SimpleRNN'); // an unknown name fails here, not first when the layer is built
  }
  protected makeCell(common: Omit<CellOptions, 'weights'>): ElmanCell {
    return new ElmanCell({ ...common, activation: this.activation });
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), activation: this.activation };
  }
}
