import * as tf from '@tensorflow/tfjs-core';
import { type CallContext, Layer, type LayerConfig, type LayerOptions, registerLayerType } from '@baihua/core';

// A stand-in for core's Embedding({ maskZero: true }) in this package's tests (not exported): token ids
// [batch, time] -> rows of its 'embeddings' weight [vocab, dim], mask = ids != 0. The rows are picked
// as oneHot(ids) @ embeddings, the same values as a gather, because tf.gather's gradient needs
// UnsortedSegmentSum, which tfjs-backend-wasm 4.22 lacks.

/** Options of {@link IdsEmbeddingForTest}. */
export interface IdsEmbeddingForTestOptions extends LayerOptions {
  vocab: number;
  dim: number;
}

/** Embedding with maskZero, for tests: ids [batch, time] -> [batch, time, dim]; mask ids != 0. */
export class IdsEmbeddingForTest extends Layer {
  readonly vocab: number;
  readonly dim: number;
  constructor(options: IdsEmbeddingForTestOptions) {
    super(options, 'IdsEmbeddingForTest', ['vocab', 'dim']);
    this.vocab = options.vocab;
    this.dim = options.dim;
  }
  protected override build(): void {
    this.addWeight('embeddings', [this.vocab, this.dim], { initializer: 'glorotUniform' });
  }
  protected override call(ids: tf.Tensor, _context: CallContext): tf.Tensor {
    const flat = tf.oneHot(tf.reshape(tf.cast(ids, 'int32'), [-1]), this.vocab);
    return tf.reshape(tf.matMul(flat, this.weight('embeddings').read()), [...ids.shape, this.dim]);
  }
  protected override computeMask(ids: tf.Tensor): tf.Tensor {
    return tf.notEqual(ids, 0);
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), vocab: this.vocab, dim: this.dim };
  }
}

registerLayerType('IdsEmbeddingForTest', (config) => new IdsEmbeddingForTest(config as never));
