import { type CallContext, Layer, type LayerOptions, ShapeError } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/**
 * A per-channel affine map on the last axis: `y = x * weights + biases` (dlib's / face-api's
 * "scale layer", an inference-time batch norm folded into two vectors). Weights `weights` and
 * `biases`, shape [C], initialised to ones and zeros. Input any rank >= 2, [..., C] -> [..., C].
 * Not registered for `layerFromConfig` (it lives inside the face net, which is not serialisable).
 *
 * @example
 * const scale = new ChannelScale({ name: 'scale' });
 * scale.apply(tf.ones([1, 4, 4, 32])).shape; // [1, 4, 4, 32]
 *
 * In plain words: stretch and shift each channel by its own two numbers.
 */
export class ChannelScale extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'ChannelScale', []);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length < 2)
      throw new ShapeError(
        'ChannelScale',
        `expected input of rank >= 2 ([batch, ..., channels]), got rank ${inputShape.length}`,
      );
    const channels = inputShape.at(-1) as number;
    this.addWeight('weights', [channels], { initializer: 'ones' });
    this.addWeight('biases', [channels], { initializer: 'zeros' });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.add(tf.mul(x, this.weight('weights').read()), this.weight('biases').read());
  }
}
