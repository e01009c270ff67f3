import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { childSeed } from './layer-naming.js';

/** Options of {@link Composite}. */
export interface CompositeOptions<L extends Record<string, Layer>> extends LayerOptions {
  /** The named layers the forward function uses (their weights become the model's). */
  layers: L;
  /** The computation, written with plain tfjs ops and `layer.apply(x, context)`. */
  forward: (layers: L, x: tf.Tensor, context: CallContext) => tf.Tensor;
}

/**
 * The functional way to compose layers: any forward function over named layers, with skips,
 * concatenations or shared layers, becomes one model that `fit`, `summary` and `getWeights` handle.
 * Its topology is code, so it is not saved by `serializeModel` (its weights are: `getWeights`/
 * `setWeights`), unless a subclass registers a type and overrides `getConfig`. Each child is
 * named after its key under the model's name (`model/hidden`, weights `model/hidden/kernel`),
 * unless it was given a name of its own; a layer shared under two keys takes the first.
 *
 * @example
 * const model = new Composite({
 *   layers: { hidden: new Dense({ units: 8, activation: 'relu' }), out: new Dense({ units: 1 }) },
 *   forward: ({ hidden, out }, x, context) => out.apply(tf.concat([hidden.apply(x, context), x], -1), context),
 * });
 *
 * In plain words: wire the boxes together however you like; the model keeps track of their knobs.
 */
export class Composite<L extends Record<string, Layer> = Record<string, Layer>> extends Layer {
  readonly layers: L;
  private readonly forward: CompositeOptions<L>['forward'];

  constructor(options: CompositeOptions<L>) {
    super(options, 'Composite', ['layers', 'forward']);
    const entries = Object.entries(options.layers ?? {});
    if (entries.length === 0 || entries.some(([, layer]) => !(layer instanceof Layer))) {
      throw new ArgumentError('Composite', 'expected layers to be a non-empty object of Layer instances');
    }
    if (typeof options.forward !== 'function')
      throw new ArgumentError('Composite', `expected forward to be a function, got ${typeof options.forward}`);
    this.layers = options.layers;
    this.forward = options.forward;
    entries.forEach(([key, layer], i) => {
      if (layer.seed === undefined && this.seed !== undefined) layer.seed = childSeed(this.seed, i);
      if (!this.trainable) layer.trainable = false; // a frozen model freezes its layers (as Sequential does)
      this.nameChild(layer, key);
    });
  }

  override children(): Layer[] {
    return [...new Set(Object.values(this.layers))];
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return this.forward(this.layers, x, context);
  }

  override getConfig(): LayerConfig {
    throw new ArgumentError(
      'Composite.getConfig',
      `model '${this.name}' is defined by code and has no saveable topology: save its weights with getWeights(), or ` +
        `subclass it and register the subclass with registerLayerType`,
    );
  }
}
