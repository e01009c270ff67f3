import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions, type MaskedOutputs } from './layer.js';
import { layerFromConfig, registerLayerType } from './layer-registry.js';
import { childSeed } from './layer-naming.js';

/** Options of {@link Sequential}. */
export interface SequentialOptions extends LayerOptions {
  /** The layers, applied in order. Default none (add them with `add`). */
  layers?: Layer[];
}

/**
 * A stack of layers applied in order: y = f_n(... f_2(f_1(x))). A model's seed (if given) seeds
 * every child that has none, child i with a seed derived from (seed, i), so one number fixes all
 * initial weights. Shapes: whatever the first layer takes, whatever the last returns.
 *
 * @example
 * const model = new Sequential({ seed: 42, layers: [
 *   new Dense({ units: 256, activation: 'relu' }),
 *   new Dense({ units: 10 }),
 * ] });
 * const logits = model.apply(x);   // x: [batch, 784] -> [batch, 10]
 * console.log(model.summary());
 *
 * In plain words: an assembly line, each station working on what the previous one handed over.
 */
export class Sequential extends Layer {
  private readonly stack: Layer[] = [];

  constructor(options: SequentialOptions = {}) {
    super(options, 'Sequential', ['layers']);
    for (const layer of options.layers ?? []) this.add(layer);
  }

  /** Appends a layer (before the model is built). */
  add(layer: Layer): this {
    if (!(layer instanceof Layer))
      throw new ArgumentError('Sequential.add', `expected a Layer, got ${layer === null ? 'null' : typeof layer}`);
    if (this.isBuilt)
      throw new ArgumentError(
        'Sequential.add',
        `cannot add layer '${layer.name}': model '${this.name}' is built already`,
      );
    if (this.stack.includes(layer))
      throw new ArgumentError('Sequential.add', `layer '${layer.name}' is in model '${this.name}' already`);
    if (layer.seed === undefined && this.seed !== undefined) layer.seed = childSeed(this.seed, this.stack.length);
    if (!this.trainable) layer.trainable = false;
    this.stack.push(layer);
    return this;
  }

  get layers(): readonly Layer[] {
    return this.stack;
  }

  override children(): Layer[] {
    return [...this.stack];
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return this.callWithMask(x, context).outputs[0] as tf.Tensor;
  }

  /** Each layer gets the previous one's output and mask (Masking or Embedding maskZero start one). */
  protected override callWithMask(x: tf.Tensor, context: CallContext): MaskedOutputs {
    let y = x;
    let mask = context.mask;
    for (const layer of this.stack) {
      const out = layer.applyWithMask(y, { training: context.training, mask });
      if (out.outputs.length !== 1)
        throw new ArgumentError(
          'Sequential.apply',
          `layer '${layer.name}' has ${out.outputs.length} outputs; a Sequential passes one tensor from layer to layer`,
        );
      y = out.outputs[0] as tf.Tensor;
      mask = out.masks[0];
    }
    return { outputs: [y], masks: [mask] };
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), layers: this.stack.map((layer) => layer.getConfig()) };
  }
}

registerLayerType('Sequential', (config) => {
  const layers = config.layers;
  if (!Array.isArray(layers))
    throw new ArgumentError('Sequential', `expected config.layers to be an array, got ${typeof layers}`);
  const { layers: _layers, ...options } = config;
  const built: Layer[] = [];
  try {
    for (const child of layers) built.push(layerFromConfig(child as LayerConfig));
  } catch (error) {
    for (const layer of built) layer.dispose();
    throw error;
  }
  return new Sequential({ ...(options as LayerOptions), layers: built });
});
