import type * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  assertOneOf,
  childSeed,
  layerFromConfig,
} from '@baihua/core';
import { type BidirectionalMerge, bidirectionalMerges, mergeDirections } from '../sequence/merge-directions.js';
import { checkSequenceApplyShape } from '../sequence/sequence-model-info.js';
import { RecurrentLayer } from './recurrent-layer.js';

/** Options of {@link Bidirectional}. */
export interface BidirectionalOptions extends LayerOptions {
  /** The recurrent layer to run both ways (LSTM, GRU, SimpleRNN, ...), unbuilt or built. Required. */
  layer: RecurrentLayer;
  /** 'concat' (default: [forward, backward] on the last axis), 'sum', 'average' or 'multiply'. */
  merge?: BidirectionalMerge;
}

/**
 * Keras' `Bidirectional(layer)`: y = merge(forward(x), backward(x)), where `forward` is the given
 * recurrent layer and `backward` a copy made from its config with `reverse` flipped (Keras'
 * go_backwards), with its own weights; its outputs are aligned back to input time. Both are
 * built on the first input and named `<name>/forward` and `<name>/backward` (unless the given
 * layer has a name of its own). The input's mask goes to both directions, so each backward run
 * starts at its sequence's last valid step; the output mask is the input's when the layer has
 * `returnSequences`, none otherwise. Without `returnSequences` the output merges the forward
 * state after the last valid step and the backward state after step 0. Saved with the wrapped
 * layer's config nested (`getConfig().layer`); the backward copy is remade on load.
 * Shapes: x [batch, time, features] -> [batch, time, 2 units] (concat, returnSequences),
 * [batch, time, units] (other merges), or [batch, 2 units] / [batch, units] without returnSequences.
 *
 * @example
 * const model = new Sequential({ seed: 1, layers: [
 *   new Bidirectional({ layer: new LSTM({ units: 8, returnSequences: true }) }),
 *   new Dense({ units: 2 }),
 * ] });
 * model.apply(x, { mask });   // x [batch, time, features], mask [batch, time] -> [batch, time, 2]
 *
 * In plain words: read the sentence left to right and right to left, then put both readings side by side.
 */
export class Bidirectional extends Layer {
  /** The given layer: it reads the sequence in its own direction. */
  readonly forwardLayer: RecurrentLayer;
  /** The copy that reads the other way, made from the given layer's config. */
  readonly backwardLayer: RecurrentLayer;
  readonly merge: BidirectionalMerge;

  constructor(options: BidirectionalOptions) {
    super(options ?? ({} as BidirectionalOptions), 'Bidirectional', ['layer', 'merge']);
    const layer: unknown = options?.layer;
    if (!(layer instanceof RecurrentLayer))
      throw new ArgumentError(
        'Bidirectional',
        `expected layer to be a recurrent layer (LSTM, GRU, SimpleRNN, PeepholeLSTM, CoupledLSTM), got ` +
          `${layer instanceof Layer ? `a ${layer.typeName}` : layer === null ? 'null' : typeof layer}`,
      );
    this.merge = options.merge ?? 'concat';
    assertOneOf('Bidirectional', 'merge', this.merge, bidirectionalMerges);
    const { name: _name, seed, ...config } = layer.getConfig();
    const backward = layerFromConfig({ ...config, reverse: !layer.reverse });
    // A seeded layer gives its copy a seed of its own, so both directions are reproducible and differ.
    if (seed !== undefined) backward.seed = childSeed(seed as number, 1);
    this.forwardLayer = layer;
    this.backwardLayer = backward as RecurrentLayer;
    this.nameChild(layer, 'forward');
    this.nameChild(backward, 'backward');
    if (!this.trainable) this.trainable = false;
  }

  override children(): Layer[] {
    return [this.forwardLayer, this.backwardLayer];
  }

  /** Whether the outputs are per step (the wrapped layer's `returnSequences`). */
  get returnSequences(): boolean {
    return this.forwardLayer.returnSequences;
  }

  protected override build(inputShape: number[]): void {
    // Directions without a seed get one from this layer's, fixed by now.
    this.forwardLayer.seed ??= childSeed(this.seed as number, 0);
    this.backwardLayer.seed ??= childSeed(this.seed as number, 1);
    this.forwardLayer.ensureBuilt(inputShape);
    this.backwardLayer.ensureBuilt(inputShape);
  }

  /** Any batch and number of steps; the features must be those the directions were built for. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    checkSequenceApplyShape(this.typeName, this.name, inputShape, this.forwardLayer.cell.inputSize);
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const options = { training: context.training, mask: context.mask };
    return mergeDirections(this.forwardLayer.apply(x, options), this.backwardLayer.apply(x, options), this.merge);
  }

  /** Keras semantics: the input mask when the outputs are per step (returnSequences), else none. */
  protected override computeMask(_x: tf.Tensor, mask: tf.Tensor | undefined): tf.Tensor | undefined {
    return this.returnSequences ? mask : undefined;
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), layer: this.forwardLayer.getConfig(), merge: this.merge };
  }
}
