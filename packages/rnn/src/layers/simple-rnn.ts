import { type Activation, type LayerConfig, ArgumentError } from '@baihua/core';
import { ElmanCell } from '../cells/elman-cell.js';
import { RecurrentLayer, type RecurrentLayerOptions, type RecurrentLayerSpec } from './recurrent-layer.js';

/** Options of {@link SimpleRNN}. */
export interface SimpleRnnOptions extends RecurrentLayerOptions {
  /** Default 'tanh' (a name, so the model can be saved). */
  activation?: 'tanh' | 'relu' | 'sigmoid' | 'linear' | (string & {});
}

/**
 * The Elman RNN as a core layer: h_t = act(x_t W + h_{t-1} U + b) ({@link ElmanCell}).
 * x [batch, time, features] -> [batch, units] or [batch, time, units] (returnSequences).
 * Parameters units (features + units + 1).
 *
 * @example
 * const model = new Sequential({ layers: [new SimpleRNN({ units: 16 }), new Dense({ units: 4 })] });
 *
 * In plain words: the relay game of the seed, as one station of a model.
 */
export class SimpleRNN extends RecurrentLayer {
  readonly activation: string;
  constructor(options: SimpleRnnOptions) {
    super(options, 'rnn.SimpleRNN');
    this.activation = options.activation ?? 'tanh';
    if (typeof this.activation !== 'string')
      throw new ArgumentError('rnn.SimpleRNN', `expected activation to be a name, got ${typeof this.activation}`);
  }
  protected spec(): RecurrentLayerSpec {
    return {
      gateCount: 1,
      makeCell: (weights) => new ElmanCell({ weights, activation: this.activation as string | Activation }),
    };
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), activation: this.activation };
  }
}
