import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions, type MaskedOutputs } from './layer.js';
import { layerFromConfig, registerLayerType } from './layer-registry.js';
import { childSeed } from './layer-naming.js';

/** Options of {@link TimeDistributed}. */
export interface TimeDistributedOptions extends LayerOptions {
  /** The layer applied to every time step (one set of weights for all steps). Required. */
  layer: Layer;
}

/**
 * Applies one layer to every time step: y[:, t] = layer(x[:, t]). x: [batch, time, ...] is folded
 * to [batch * time, ...], the layer runs once on that, and its output [batch * time, ...out] is
 * unfolded to [batch, time, ...out]. The inner layer is a child: its weights, `trainable`, seed,
 * `dispose` and saved config (nested under `layer`, as Sequential nests its layers) belong to this
 * layer. Masks (Keras semantics): a [batch, time] mask passes through unchanged; a mask with more
 * axes is folded and given to the inner layer, whose own output mask (if any) is unfolded instead.
 *
 * @example
 * const perStep = new TimeDistributed({ layer: new Dense({ units: 8 }), seed: 1 });
 * perStep.apply(tf.zeros([2, 5, 16])); // [2, 5, 8]: the same Dense at each of the 5 steps
 *
 * In plain words: one worker handles every frame of the film the same way, one frame at a time.
 */
export class TimeDistributed extends Layer {
  readonly layer: Layer;

  constructor(options: TimeDistributedOptions) {
    super(options, 'TimeDistributed', ['layer']);
    if (!(options.layer instanceof Layer))
      throw new ArgumentError(
        'TimeDistributed',
        `expected layer to be a Layer, got ${options.layer === null ? 'null' : typeof options.layer}`,
      );
    if (options.layer.takesInputList)
      throw new ArgumentError(
        'TimeDistributed',
        `expected a layer that takes one input, got '${options.layer.name}', which takes a list`,
      );
    this.layer = options.layer;
    this.supportsMasking = true;
    if (this.layer.seed === undefined && this.seed !== undefined) this.layer.seed = childSeed(this.seed, 0);
    if (!this.trainable) this.layer.trainable = false; // frozen wrapper, frozen layer (as Sequential does)
  }

  override children(): Layer[] {
    return [this.layer];
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length < 3)
      throw new ShapeError(
        'TimeDistributed',
        `expected x of rank >= 3 ([batch, time, ...]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
  }

  /** Any time length; the inner layer checks the rest of each step's shape. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    const rank = this.inputShape?.length ?? 3;
    if (inputShape.length !== rank)
      throw new ShapeError(
        'TimeDistributed.apply',
        `layer '${this.name}' was built for x of rank ${rank}, got ${describeShape(inputShape)}`,
      );
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return this.callWithMask(x, context).outputs[0] as tf.Tensor;
  }

  protected override callWithMask(x: tf.Tensor, context: CallContext): MaskedOutputs {
    const [batch, time] = x.shape as [number, number];
    const fold = (t: tf.Tensor) => tf.reshape(t, [batch * time, ...t.shape.slice(2)]);
    const unfold = (t: tf.Tensor) => tf.reshape(t, [batch, time, ...t.shape.slice(1)]);
    const mask = context.mask;
    const stepMask = mask !== undefined && mask.rank > 2 ? fold(mask) : undefined;
    const out = this.layer.applyWithMask(fold(x), { training: context.training, mask: stepMask });
    if (out.outputs.length !== 1)
      throw new ArgumentError(
        'TimeDistributed.apply',
        `expected the inner layer '${this.layer.name}' to give one output, got ${out.outputs.length}`,
      );
    const innerMask = out.masks[0];
    return {
      outputs: [unfold(out.outputs[0] as tf.Tensor)],
      masks: [innerMask === undefined ? mask : unfold(innerMask)],
    };
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), layer: this.layer.getConfig() };
  }
}

registerLayerType('TimeDistributed', (config) => {
  const { layer, ...options } = config;
  return new TimeDistributed({ ...(options as LayerOptions), layer: layerFromConfig(layer as LayerConfig) });
});
