import { type LayerConfig, assertFiniteNumber } from '@baihua/core';
import type { CellOptions } from '../cells/cell-weights.js';
import { GruCell } from '../cells/gru-cell.js';
import { type RecurrentActivationName, resolveRecurrentActivation } from '../cells/recurrent-activation.js';
import { RecurrentLayer, type RecurrentLayerOptions } from './recurrent-layer.js';

/** Options of {@link GRU}. */
export interface GruOptions extends RecurrentLayerOptions {
  /** Default true (PyTorch/Keras); false: the seed's h~ = tanh(W [r * h, x]). */
  resetAfter?: boolean;
  /**
   * Initial update-gate bias (default 0). In the seed's form h = (1 - z) h_prev + z h~ a negative
   * value keeps memory longer at the start.
   */
  updateBias?: number;
  /** σ of the gates r, z: 'sigmoid' (default) or 'hardSigmoid' (tfjs-layers' and Keras 2's default). */
  recurrentActivation?: RecurrentActivationName;
}

/**
 * The GRU as a core layer ({@link GruCell}, the seed's h = (1 - z) h_prev + z h~, gates r, z, n).
 * countParams() 3 units (features + units + 2) with resetAfter (two biases), 3 units (features + units + 1) without.
 *
 * @example
 * const layer = new GRU({ units: 32, resetAfter: false });
 * const y = layer.apply(tf.ones([2, 5, 3])); // [2, 32]
 *
 * In plain words: the all-rounder with one notebook, as one station of a model.
 */
export class GRU extends RecurrentLayer {
  readonly resetAfter: boolean;
  readonly updateBias: number;
  readonly recurrentActivation: RecurrentActivationName;
  constructor(options: GruOptions) {
    super(options, 'GRU', ['resetAfter', 'updateBias', 'recurrentActivation']);
    this.resetAfter = options.resetAfter ?? true;
    this.updateBias = options.updateBias ?? 0;
    assertFiniteNumber('GRU', 'updateBias', this.updateBias);
    this.recurrentActivation = resolveRecurrentActivation('GRU', options.recurrentActivation).name;
  }
  protected makeCell(common: Omit<CellOptions, 'weights'>): GruCell {
    return new GruCell({
      ...common,
      resetAfter: this.resetAfter,
      updateBias: this.updateBias,
      recurrentActivation: this.recurrentActivation,
    });
  }
  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      resetAfter: this.resetAfter,
      updateBias: this.updateBias,
      recurrentActivation: this.recurrentActivation,
    };
  }
}
