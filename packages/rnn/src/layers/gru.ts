import { type LayerConfig, assertFiniteNumber } from '@baihua/core';
import { GruCell } from '../cells/gru-cell.js';
import { RecurrentLayer, type RecurrentLayerOptions, type RecurrentLayerSpec } from './recurrent-layer.js';

/** Options of {@link GRU}. */
export interface GruOptions extends RecurrentLayerOptions {
  /** Default true (PyTorch/Keras); false: the seed's h~ = tanh(W [r * h, x]). */
  resetAfter?: boolean;
  /** Initial update-gate bias (default 0). In the seed's form h = (1 - z) h_prev + z h~ a negative value keeps memory longer at the start. */
  updateBias?: number;
}

/**
 * The GRU as a core layer ({@link GruCell}, the seed's h = (1 - z) h_prev + z h~, gates r, z, n).
 * Parameters 3 units (features + units + 2) with resetAfter (two biases), 3 units (features + units + 1) without.
 *
 * @example
 * const layer = new GRU({ units: 32, resetAfter: false });
 *
 * In plain words: the all-rounder with one notebook, as one station of a model.
 */
export class GRU extends RecurrentLayer {
  readonly resetAfter: boolean;
  readonly updateBias: number;
  constructor(options: GruOptions) {
    super(options, 'rnn.GRU');
    this.resetAfter = options.resetAfter ?? true;
    this.updateBias = options.updateBias ?? 0;
    assertFiniteNumber('rnn.GRU', 'updateBias', this.updateBias);
  }
  protected spec(): RecurrentLayerSpec {
    // Gate order r, z, n: the update gate is block 1.
    return {
      gateCount: 3,
      recurrentBias: this.resetAfter,
      initialBias: { gate: 1, value: this.updateBias },
      makeCell: (weights) => new GruCell({ weights, resetAfter: this.resetAfter }),
    };
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), resetAfter: this.resetAfter, updateBias: this.updateBias };
  }
}
